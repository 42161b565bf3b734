using System.Collections.Immutable;

namespace Kiln.Exec.Spec;

/// <summary>One entry of the OCI runtime spec's <c>mounts</c>: runc performs it inside the container's mount namespace.</summary>
internal sealed record RuntimeMount(string Destination, string Type, string Source, ImmutableArray<string> Options)
{
    /// <summary>A recursive bind of a host path, read-only unless <paramref name="readOnly"/> is false.</summary>
    public static RuntimeMount Bind(string source, string destination, bool readOnly = true) =>
        new(destination, "bind", source, readOnly ? ["rbind", "ro"] : ["rbind", "rw"]);
}
