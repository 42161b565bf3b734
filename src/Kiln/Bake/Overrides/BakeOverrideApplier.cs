using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake.Overrides;

/// <summary>Applies one override to a target by the field's <see cref="BakeSetRule"/>; <c>push</c> edits the outputs.</summary>
internal static class BakeOverrideApplier
{
    public static BakeTarget Apply(BakeTarget target, BakeOverride o)
    {
        var dot = o.Key.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? o.Key : o.Key[..dot];
        var entry = dot < 0 ? null : o.Key[(dot + 1)..];
        if (head == "push")
        {
            return Push(target, o);
        }

        var field = BakeFields.FindByOverrideKey(head)
            ?? throw new KilnException(ErrorCodes.BakeInvalidOverride, $"unknown key: {head} (in --set {o.Flag})");
        var value = o.Value ?? "";
        return field.Set switch
        {
            BakeSetRule.Value => target.With(field, new BakeString(value)),
            BakeSetRule.Entry => target.With(field, (target.Get(field) as BakeMap ?? BakeMap.Empty).With(
                entry ?? throw new KilnException(ErrorCodes.BakeInvalidOverride, $"{head} require name (in --set {o.Flag})"), value)),
            BakeSetRule.List when !o.Append => target.With(field, new BakeList(o.Items)),
            BakeSetRule.List or BakeSetRule.AppendList => target.With(field, new BakeList([.. target.GetList(field), .. o.Items])),
            BakeSetRule.Bool => target.With(field, new BakeBool(GoBool.Parse(value)
                ?? throw new KilnException(ErrorCodes.BakeInvalidOverride, $"invalid value {value} for boolean key {head}"))),
            _ => throw new KilnException(ErrorCodes.BakeInvalidOverride, $"unknown key: {head}"),
        };
    }

    // buildx: no outputs become one pushing image output; image and registry outputs get ",push=VALUE" appended.
    private static BakeTarget Push(BakeTarget target, BakeOverride o)
    {
        var value = o.Value ?? "";
        if (GoBool.Parse(value) is null)
        {
            throw new KilnException(ErrorCodes.BakeInvalidOverride, $"invalid value {value} for boolean key push");
        }

        var outputs = target.GetList(BakeFields.Output);
        if (outputs.IsEmpty)
        {
            return target.With(BakeFields.Output, new BakeList(["type=image,push=true"]));
        }

        return target.With(BakeFields.Output, new BakeList([.. outputs.Select(output =>
            OutputType(output) is "image" or "registry" ? output + ",push=" + value : output)]));
    }

    /// <summary>The <c>type=</c> of an output spec, or "" when it has none.</summary>
    public static string OutputType(string spec) =>
        spec.Split(',').Select(f => f.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == "type")?[1] ?? "";
}
