using System.Collections.Immutable;
using System.Numerics;

namespace Kiln.Bake.Hcl.Values;

/// <summary>A value produced by evaluating HCL: null, string, number, bool, tuple or object.</summary>
internal abstract class HclValue : IEquatable<HclValue>
{
    public static HclValue Null => HclNull.Instance;

    public static HclValue True { get; } = new HclBool(true);

    public static HclValue False { get; } = new HclBool(false);

    public static HclTuple EmptyTuple { get; } = new([]);

    public static HclObject EmptyObject { get; } = new(ImmutableSortedDictionary<string, HclValue>.Empty.WithComparers(StringComparer.Ordinal));

    public abstract HclValueKind Kind { get; }

    public bool IsNull => Kind == HclValueKind.Null;

    /// <summary>The type name used in messages, as HCL names it.</summary>
    public string TypeName => Kind switch
    {
        HclValueKind.Null => "null",
        HclValueKind.String => "string",
        HclValueKind.Number => "number",
        HclValueKind.Bool => "bool",
        HclValueKind.Tuple => "tuple",
        _ => "object",
    };

    public static HclValue From(string value) => new HclString(value);

    public static HclValue From(bool value) => value ? True : False;

    public static HclValue From(BigFloat value) => new HclNumber(value);

    public static HclValue From(long value) => new HclNumber(BigFloat.FromInteger(new BigInteger(value)));

    public static HclValue From(BigInteger value) => new HclNumber(BigFloat.FromInteger(value));

    public static HclTuple Tuple(IEnumerable<HclValue> items) => new([.. items]);

    public static HclObject Object(IEnumerable<KeyValuePair<string, HclValue>> attributes)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            builder[key] = value;
        }

        return new HclObject(builder.ToImmutable());
    }

    public abstract bool Equals(HclValue? other);

    public override bool Equals(object? obj) => obj is HclValue other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>The value as compact JSON, keys sorted, numbers printed as cty prints them.</summary>
    public override string ToString() => HclJson.Encode(this);
}
