using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Oci;

namespace Kiln.Graph;

/// <summary>Runs a process in a container whose filesystem is assembled from the mounts (the root mount is at "/").</summary>
internal sealed record ExecOp(ImmutableArray<string> Args, ImmutableArray<ExecMount> Mounts) : Op
{
    /// <summary>Environment as KEY=VALUE, in order.</summary>
    public ImmutableArray<string> Env { get; init; } = [];

    public string Cwd { get; init; } = "/";

    public string? User { get; init; }

    public NetworkMode Network { get; init; } = NetworkMode.Sandbox;

    public SecurityMode Security { get; init; } = SecurityMode.Sandbox;

    /// <summary>The platform the process runs as (QEMU emulates a foreign one); null means the host's.</summary>
    public Platform? Platform { get; init; }

    public override string Kind => "exec";

    public override int OutputCount => Mounts.OrEmpty().Count(m => m.Output >= 0);

    public override IEnumerable<int> ReferencedInputs => Mounts.OrEmpty().Where(m => m.Input >= 0).Select(m => m.Input);

    /// <summary>
    /// An input that is only bind-mounted read-only below its root (RUN --mount=from=x,source=/p) contributes the
    /// paths mounted; an input that becomes a writable or root filesystem is read whole.
    /// </summary>
    public override InputSelection? SelectionFor(int input)
    {
        var uses = Mounts.OrEmpty().Where(m => m.Input == input).ToList();
        if (uses.Count == 0 || uses.Any(m => !m.ReadOnly || m.Type != MountType.Bind || IsRoot(m.Selector)))
        {
            return null;
        }

        return new InputSelection([.. uses.Select(m => new PathSelector(m.Selector) { FollowSymlinks = true })]);
    }

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteStrings("args", Args);
        writer.WriteStrings("env", Env);
        writer.WriteString("cwd", Cwd);
        writer.WriteNullableString("user", User);
        writer.WriteString("network", Network.ToString().ToLowerInvariant());
        writer.WriteString("security", Security.ToString().ToLowerInvariant());
        writer.WritePlatform("platform", Platform);
        writer.WriteStartArray("mounts");
        foreach (var mount in Mounts.OrEmpty())
        {
            mount.Write(writer);
        }

        writer.WriteEndArray();
    }

    private static bool IsRoot(string selector) => selector.Trim('/').Length == 0;
}
