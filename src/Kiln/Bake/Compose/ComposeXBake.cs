using Kiln.Bake.Model;
using Kiln.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Kiln.Bake.Compose;

/// <summary>Applies a service's <c>x-bake</c> extension by each field's <see cref="BakeField.XBake"/> rule.</summary>
internal static class ComposeXBake
{
    public static BakeTarget Apply(BakeTarget target, YamlMappingNode xbake, ComposeYaml yaml)
    {
        foreach (var (keyNode, value) in xbake.Children)
        {
            var key = yaml.Scalar(keyNode, "x-bake key");
            var field = BakeFields.Find(key);
            if (field is null || field.XBake == BakeXBakeRule.None)
            {
                throw new KilnException(ErrorCodes.BakeUnknownField, $"x-bake: unsupported key {key}", yaml.Span(keyNode));
            }

            BakeValue next = field.Kind switch
            {
                BakeFieldKind.Bool => new BakeBool(yaml.Bool(value, key)),
                BakeFieldKind.Map => new BakeMap(System.Collections.Immutable.ImmutableSortedDictionary.ToImmutableSortedDictionary(yaml.Entries(value, key), e => e.Key, e => (string?)(e.Value ?? ""), StringComparer.Ordinal)),
                _ => new BakeList(yaml.StringOrList(value, key)),
            };
            if (field.XBake == BakeXBakeRule.AppendDedupe && next is BakeList items)
            {
                if (items.Items.IsEmpty)
                {
                    continue;
                }

                next = new BakeList(BakeMerger.Dedupe([.. target.GetList(field), .. items.Items]));
            }

            target = target.With(field, next);
        }

        return target;
    }
}
