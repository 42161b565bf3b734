using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses RUN: the command, --mount (into typed mounts), --network and, with labs, --security.</summary>
internal static class RunParser
{
    public static Instruction? Parse(InstructionContext c)
    {
        var declared = new List<(string, FlagKind)> { ("mount", FlagKind.Strings), ("network", FlagKind.String) };
        if (c.Options.Labs)
        {
            declared.Add(("security", FlagKind.String));
        }

        var flags = c.Flags([.. declared]);
        var network = flags.Word("network");
        if (network is not null && network.Text is not ("default" or "none" or "host"))
        {
            c.Error(ErrorCodes.DockerfileInvalidNetwork, $"invalid network mode \"{network.Text}\"", network);
        }

        var security = flags.Word("security");
        if (security is not null && !security.Text.Contains('$', StringComparison.Ordinal) && security.Text is not ("sandbox" or "insecure"))
        {
            c.Error(ErrorCodes.DockerfileInvalidNetwork, $"unsupported security mode \"{security.Text}\"", security);
        }

        var mounts = ImmutableArray.CreateBuilder<RunMount>();
        foreach (var flag in flags.GetAll("mount"))
        {
            if (RunMountParser.Parse(flag.ValueWord, expand: null, c.Deferred) is { } mount)
            {
                mounts.Add(mount);
            }
        }

        return new RunInstruction(c.Node, CommandLine.From(c.Node), mounts.ToImmutable(), network, security) { Flags = flags.All };
    }
}
