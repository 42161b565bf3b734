using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// A JSON object being read into an OCI model: typed field access whose errors name the field path and carry the
/// model's error code. A JSON <c>null</c> reads as an absent field, as Go's encoding/json treats it.
/// </summary>
internal readonly struct OciJsonObject
{
    private readonly JsonElement element;

    /// <param name="element">The JSON value, which must be an object.</param>
    /// <param name="path">Where the object sits in the document; empty for the root.</param>
    /// <param name="code">The error code of every error about this object.</param>
    /// <param name="source">Names the document in errors (a reference or file), if known.</param>
    public OciJsonObject(JsonElement element, string path, ErrorCode code, string? source = null)
    {
        this.element = element;
        Path = path;
        Code = code;
        Source = source;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(code, path, $"expected an object, got {Kind(element)}");
        }
    }

    /// <summary>Where this object sits in the document ("manifests[1].platform"); empty for the root.</summary>
    public string Path { get; }

    public ErrorCode Code { get; }

    public string? Source { get; }

    public bool Has(string name) => TryGet(name, out _);

    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name) => TryGet(name, out var value) ? AsString(value, Field(name)) : null;

    public long RequiredInt64(string name) => OptionalInt64(name) ?? throw Missing(name);

    public long? OptionalInt64(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw Error($"expected an integer, got {Kind(value)}", name);
        }

        return number;
    }

    public long? OptionalNonNegativeInt64(string name)
    {
        var number = OptionalInt64(name);
        return number < 0 ? throw Error($"must not be negative, got {number}", name) : number;
    }

    public int? OptionalInt32(string name)
    {
        var number = OptionalInt64(name);
        return number is < int.MinValue or > int.MaxValue ? throw Error($"is out of range: {number}", name) : (int?)number;
    }

    public bool? OptionalBoolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"expected true or false, got {Kind(value)}", name),
        };
    }

    public OciJsonObject RequiredObject(string name) => OptionalObject(name) ?? throw Missing(name);

    public OciJsonObject? OptionalObject(string name) =>
        TryGet(name, out var value) ? new OciJsonObject(value, Field(name), Code, Source) : null;

    /// <summary>The elements of an array of objects; an absent field is an error when <paramref name="required"/>, else empty.</summary>
    public ImmutableArray<OciJsonObject> ObjectArray(string name, bool required)
    {
        if (!TryGet(name, out var value))
        {
            return required ? throw Missing(name) : [];
        }

        var array = ExpectArray(value, name);
        var builder = ImmutableArray.CreateBuilder<OciJsonObject>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            builder.Add(new OciJsonObject(item, $"{Field(name)}[{i++}]", Code, Source));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>An array of strings, or null when the field is absent (absent and empty differ in an image config).</summary>
    public ImmutableArray<string>? OptionalStringArray(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var array = ExpectArray(value, name);
        var builder = ImmutableArray.CreateBuilder<string>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            builder.Add(AsString(item, $"{Field(name)}[{i++}]"));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>An object of string values (annotations, labels), sorted by key; empty when absent.</summary>
    public ImmutableSortedDictionary<string, string> StringMap(string name)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (OptionalObject(name) is { } map)
        {
            foreach (var property in map.element.EnumerateObject())
            {
                result[property.Name] = AsString(property.Value, $"{map.Path}.{property.Name}");
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The keys of an object whose values are empty objects (ExposedPorts, Volumes), sorted; empty when absent.</summary>
    public ImmutableSortedSet<string> KeySet(string name)
    {
        var result = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (OptionalObject(name) is { } set)
        {
            foreach (var property in set.element.EnumerateObject())
            {
                if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    throw Fail(Code, $"{set.Path}.{property.Name}", $"expected an object, got {Kind(property.Value)}");
                }

                result.Add(property.Name);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>An error about this object or one of its fields.</summary>
    public KilnException Error(string message, string? name = null) =>
        Fail(Code, name is null ? Path : Field(name), message);

    private string Prefix => Source is null ? "" : Source + ": ";

    private KilnException Fail(ErrorCode code, string path, string message) => new(code, $"{Prefix}{Display(path)}: {message}");

    private static string Display(string path) => path.Length == 0 ? "document" : path;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private bool TryGet(string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private string Field(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private KilnException Missing(string name) => Error("is required but missing", name);

    private string AsString(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail(Code, path, $"expected a string, got {Kind(value)}");
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new KilnException(ErrorCodes.InvalidJson, $"{Prefix}{Display(path)}: string is not valid Unicode", null, ex);
        }
    }

    private JsonElement ExpectArray(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array ? value : throw Error($"expected an array, got {Kind(value)}", name);
}
