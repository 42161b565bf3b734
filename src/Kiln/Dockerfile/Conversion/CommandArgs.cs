using System.Collections.Immutable;
using Kiln.Dockerfile.Instructions;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>Turns a CMD, ENTRYPOINT or RUN command line into argv: shell form runs in the image's SHELL.</summary>
internal static class CommandArgs
{
    public static ImmutableArray<string> DefaultShell { get; } = ["/bin/sh", "-c"];

    public static ImmutableArray<string> Shell(ContainerConfig config) =>
        config.Shell is { Length: > 0 } shell ? shell : DefaultShell;

    public static ImmutableArray<string> Resolve(CommandLine command, ContainerConfig config) =>
        command.PrependShell
            ? [.. Shell(config), string.Join(' ', command.Args.Select(a => a.Text))]
            : [.. command.Args.Select(a => a.Text)];
}
