using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kiln.Oci;

namespace Kiln.Graph;

/// <summary>Helpers that write optional and repeated values the same way in every op's canonical form.</summary>
internal static class CanonicalJson
{
    public static void WriteNullableString(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteNullableNumber(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    public static void WriteStrings(this Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Times are written as UTC round-trip strings so that offsets never change the bytes.</summary>
    public static void WriteTimestamp(this Utf8JsonWriter writer, string name, DateTimeOffset? value) =>
        writer.WriteNullableString(name, value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    public static void WriteOwner(this Utf8JsonWriter writer, string name, FileOwner? owner)
    {
        if (owner is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("user", owner.User);
        writer.WriteNullableString("group", owner.Group);
        writer.WriteEndObject();
    }

    public static void WritePlatform(this Utf8JsonWriter writer, string name, Platform? platform)
    {
        if (platform is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("os", platform.OS);
        writer.WriteString("architecture", platform.Architecture);
        writer.WriteNullableString("variant", platform.Variant);
        writer.WriteNullableString("osVersion", platform.OSVersion);
        writer.WriteStrings("osFeatures", platform.OSFeatures);
        writer.WriteEndObject();
    }

    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> values) => values.IsDefault ? [] : values;
}
