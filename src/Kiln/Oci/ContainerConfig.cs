using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Oci;

/// <summary>
/// The execution parameters of an image (the "config" section of an image config), with Docker's Healthcheck,
/// OnBuild and Shell. Null arrays are absent; an empty array is written as <c>[]</c>.
/// </summary>
internal sealed record ContainerConfig : ICanonicalJson
{
    public static ContainerConfig Empty { get; } = new();

    public string? User { get; init; }

    /// <summary>"port/proto" keys such as "80/tcp".</summary>
    public ImmutableSortedSet<string> ExposedPorts { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>"KEY=value" entries in order.</summary>
    public ImmutableArray<string>? Env { get; init; }

    public ImmutableArray<string>? Entrypoint { get; init; }

    public ImmutableArray<string>? Cmd { get; init; }

    public ImmutableSortedSet<string> Volumes { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public string? WorkingDir { get; init; }

    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public string? StopSignal { get; init; }

    public bool ArgsEscaped { get; init; }

    public HealthConfig? Healthcheck { get; init; }

    public ImmutableArray<string>? OnBuild { get; init; }

    public ImmutableArray<string>? Shell { get; init; }

    public static ContainerConfig Read(OciJsonObject json) => new()
    {
        User = json.OptionalString("User"),
        ExposedPorts = json.KeySet("ExposedPorts"),
        Env = json.OptionalStringArray("Env"),
        Entrypoint = json.OptionalStringArray("Entrypoint"),
        Cmd = json.OptionalStringArray("Cmd"),
        Volumes = json.KeySet("Volumes"),
        WorkingDir = json.OptionalString("WorkingDir"),
        Labels = json.StringMap("Labels"),
        StopSignal = json.OptionalString("StopSignal"),
        ArgsEscaped = json.OptionalBoolean("ArgsEscaped") ?? false,
        Healthcheck = json.OptionalObject("Healthcheck") is { } health ? HealthConfig.Read(health) : null,
        OnBuild = json.OptionalStringArray("OnBuild"),
        Shell = json.OptionalStringArray("Shell"),
    };

    /// <summary>
    /// Writes User, ExposedPorts, Env, Entrypoint, Cmd, Volumes, WorkingDir, Labels, StopSignal, ArgsEscaped,
    /// Healthcheck, OnBuild, Shell; empty strings, sets, maps and a false ArgsEscaped are left out.
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteNonEmpty(writer, "User", User);
        CanonicalJson.WriteKeySet(writer, "ExposedPorts", ExposedPorts);
        CanonicalJson.WriteStringArray(writer, "Env", Env);
        CanonicalJson.WriteStringArray(writer, "Entrypoint", Entrypoint);
        CanonicalJson.WriteStringArray(writer, "Cmd", Cmd);
        CanonicalJson.WriteKeySet(writer, "Volumes", Volumes);
        WriteNonEmpty(writer, "WorkingDir", WorkingDir);
        CanonicalJson.WriteStringMap(writer, "Labels", Labels);
        WriteNonEmpty(writer, "StopSignal", StopSignal);
        if (ArgsEscaped)
        {
            writer.WriteBoolean("ArgsEscaped", true);
        }

        if (Healthcheck is not null)
        {
            writer.WritePropertyName("Healthcheck");
            Healthcheck.WriteTo(writer);
        }

        CanonicalJson.WriteStringArray(writer, "OnBuild", OnBuild);
        CanonicalJson.WriteStringArray(writer, "Shell", Shell);
        writer.WriteEndObject();
    }

    public bool Equals(ContainerConfig? other) => CanonicalJson.ContentEquals(this, other);

    public override int GetHashCode() => CanonicalJson.ContentHashCode(this);

    private static void WriteNonEmpty(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
