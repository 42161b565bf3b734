using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Oci;

/// <summary>
/// Docker's Healthcheck in an image config. Durations are nanoseconds (Go's time.Duration); zero means "inherit the
/// default", as in Docker.
/// </summary>
internal sealed record HealthConfig : ICanonicalJson
{
    /// <summary>["NONE"], ["CMD", args...] or ["CMD-SHELL", command]; null inherits the base image's test.</summary>
    public ImmutableArray<string>? Test { get; init; }

    public long Interval { get; init; }

    public long Timeout { get; init; }

    public long StartPeriod { get; init; }

    public long StartInterval { get; init; }

    public int Retries { get; init; }

    public static HealthConfig Read(OciJsonObject json)
    {
        var retries = json.OptionalInt32("Retries") ?? 0;
        return new HealthConfig
        {
            Test = json.OptionalStringArray("Test"),
            Interval = Duration(json, "Interval"),
            Timeout = Duration(json, "Timeout"),
            StartPeriod = Duration(json, "StartPeriod"),
            StartInterval = Duration(json, "StartInterval"),
            Retries = retries >= 0 ? retries : throw json.Error($"must not be negative, got {retries}", "Retries"),
        };
    }

    /// <summary>Writes Test, Interval, Timeout, StartPeriod, StartInterval, Retries; zero values are left out.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        CanonicalJson.WriteStringArray(writer, "Test", Test);
        WriteNonZero(writer, "Interval", Interval);
        WriteNonZero(writer, "Timeout", Timeout);
        WriteNonZero(writer, "StartPeriod", StartPeriod);
        WriteNonZero(writer, "StartInterval", StartInterval);
        WriteNonZero(writer, "Retries", Retries);
        writer.WriteEndObject();
    }

    public bool Equals(HealthConfig? other) => CanonicalJson.ContentEquals(this, other);

    public override int GetHashCode() => CanonicalJson.ContentHashCode(this);

    private static long Duration(OciJsonObject json, string name) =>
        json.OptionalNonNegativeInt64(name) ?? 0;

    private static void WriteNonZero(Utf8JsonWriter writer, string name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }
}
