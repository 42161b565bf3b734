using System.Collections.Immutable;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake.Overrides;

/// <summary>
/// The <c>--set pattern.key[.name][+]=value</c> flags, grouped by the targets each pattern matches (an exact name,
/// else a glob over every target name), with keys in first-seen order.
/// </summary>
internal sealed class BakeOverrideSet
{
    private readonly Dictionary<string, List<BakeOverride>> _byTarget = new(StringComparer.Ordinal);

    public static BakeOverrideSet Empty { get; } = new();

    /// <param name="flags">The <c>--set</c> values in command-line order.</param>
    /// <param name="targetNames">Every target name, for pattern matching.</param>
    /// <param name="environment">Where <c>args.NAME</c> without a value is looked up.</param>
    public static BakeOverrideSet Parse(IEnumerable<string> flags, IReadOnlyList<string> targetNames, IReadOnlyDictionary<string, string> environment)
    {
        var set = new BakeOverrideSet();
        foreach (var flag in flags)
        {
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            var left = eq < 0 ? flag : flag[..eq];
            string? value = eq < 0 ? null : flag[(eq + 1)..];
            var append = left.EndsWith('+');
            if (append)
            {
                left = left[..^1];
            }

            var keys = left.Split('.', 3);
            if (keys.Length < 2)
            {
                throw Invalid($"invalid override key {left}, expected target.name");
            }

            var head = keys[1];
            if (value is null && head != "args")
            {
                throw Invalid($"invalid override {flag}, expected target.name=value");
            }

            var field = BakeFields.FindByOverrideKey(head);
            if (field?.Set == BakeSetRule.Entry && keys.Length != 3)
            {
                throw Invalid($"invalid key {left}, {head} requires name");
            }

            if (append && field?.Set is not (BakeSetRule.List or BakeSetRule.AppendList))
            {
                throw Invalid($"invalid override {flag}: += appends to list fields only");
            }

            if (value is null)
            {
                if (!environment.TryGetValue(keys[2], out var fromEnvironment))
                {
                    continue;
                }

                value = fromEnvironment;
            }

            var key = left[(keys[0].Length + 1)..];
            foreach (var name in Match(keys[0], targetNames))
            {
                set.Add(name, key, value, field?.Set is BakeSetRule.List or BakeSetRule.AppendList, append, flag);
            }
        }

        return set;
    }

    /// <summary>The names a pattern selects: itself when a target has that name, else every name the glob matches.</summary>
    public static IReadOnlyList<string> Match(string pattern, IReadOnlyList<string> targetNames)
    {
        if (targetNames.Contains(pattern, StringComparer.Ordinal))
        {
            return [pattern];
        }

        var names = targetNames.Where(n => GoGlob.Match(pattern, n)).ToList();
        return names.Count > 0
            ? names
            : throw new KilnException(ErrorCodes.BakeOverrideNoMatch, $"could not find any target matching '{pattern}'");
    }

    /// <summary>The target with this set's overrides for <paramref name="name"/> applied.</summary>
    public BakeTarget Apply(string name, BakeTarget target)
    {
        if (!_byTarget.TryGetValue(name, out var overrides))
        {
            return target;
        }

        foreach (var o in overrides)
        {
            target = BakeOverrideApplier.Apply(target, o);
        }

        return target;
    }

    private void Add(string name, string key, string value, bool isList, bool append, string flag)
    {
        if (!_byTarget.TryGetValue(name, out var list))
        {
            _byTarget[name] = list = [];
        }

        var at = list.FindIndex(o => o.Key == key);
        var existing = at < 0 ? new BakeOverride(key, null, [], append, flag) : list[at];
        var updated = isList
            ? existing with { Items = existing.Items.Add(value), Append = existing.Append || append }
            : existing with { Value = value, Flag = flag };
        if (at < 0)
        {
            list.Add(updated);
        }
        else
        {
            list[at] = updated;
        }
    }

    private static KilnException Invalid(string message) => new(ErrorCodes.BakeInvalidOverride, message);
}
