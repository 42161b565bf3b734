using System.Collections.Immutable;

namespace Kiln.Bake.Hcl.Types;

/// <summary>
/// A type constraint as HCL's typeexpr writes it: <c>string</c>, <c>list(number)</c>, <c>map(any)</c>,
/// <c>tuple([string, bool])</c>, <c>object({ name = string, port = optional(number) })</c>.
/// </summary>
internal sealed record HclType
{
    private HclType(HclTypeKind kind) => Kind = kind;

    public static HclType Any { get; } = new(HclTypeKind.Any);

    public static HclType String { get; } = new(HclTypeKind.String);

    public static HclType Number { get; } = new(HclTypeKind.Number);

    public static HclType Bool { get; } = new(HclTypeKind.Bool);

    public HclTypeKind Kind { get; }

    /// <summary>The element type of a list, set or map.</summary>
    public HclType? Element { get; private init; }

    /// <summary>The element types of a tuple.</summary>
    public ImmutableArray<HclType> Elements { get; private init; } = [];

    /// <summary>The attribute types of an object.</summary>
    public ImmutableSortedDictionary<string, HclType> Attributes { get; private init; } = ImmutableSortedDictionary<string, HclType>.Empty;

    /// <summary>Object attributes that may be absent (wrapped in <c>optional(...)</c>); they become null.</summary>
    public ImmutableHashSet<string> Optional { get; private init; } = [];

    public bool IsPrimitive => Kind is HclTypeKind.String or HclTypeKind.Number or HclTypeKind.Bool;

    public static HclType List(HclType element) => new(HclTypeKind.List) { Element = element };

    public static HclType Set(HclType element) => new(HclTypeKind.Set) { Element = element };

    public static HclType Map(HclType element) => new(HclTypeKind.Map) { Element = element };

    public static HclType Tuple(IEnumerable<HclType> elements) => new(HclTypeKind.Tuple) { Elements = [.. elements] };

    public static HclType Object(IEnumerable<KeyValuePair<string, HclType>> attributes, IEnumerable<string>? optional = null) =>
        new(HclTypeKind.Object)
        {
            Attributes = attributes.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Optional = [.. optional ?? []],
        };

    public bool Equals(HclType? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>The type in HCL's own syntax.</summary>
    public override string ToString() => Kind switch
    {
        HclTypeKind.Any => "any",
        HclTypeKind.String => "string",
        HclTypeKind.Number => "number",
        HclTypeKind.Bool => "bool",
        HclTypeKind.List => $"list({Element})",
        HclTypeKind.Set => $"set({Element})",
        HclTypeKind.Map => $"map({Element})",
        HclTypeKind.Tuple => $"tuple([{string.Join(", ", Elements)}])",
        _ => "object({" + string.Join(", ", Attributes.Select(a => Optional.Contains(a.Key) ? $"{a.Key} = optional({a.Value})" : $"{a.Key} = {a.Value}")) + "})",
    };
}
