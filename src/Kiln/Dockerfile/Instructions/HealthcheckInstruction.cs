using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>HEALTHCHECK NONE, or HEALTHCHECK [options] CMD command; zero durations mean "inherit".</summary>
internal sealed record HealthcheckInstruction(
    Node Node,
    bool IsNone,
    CommandLine? Command,
    TimeSpan Interval,
    TimeSpan Timeout,
    TimeSpan StartPeriod,
    TimeSpan StartInterval,
    int Retries) : Instruction(Node)
{
    /// <summary>The image-config test: ["NONE"], ["CMD", args...] or ["CMD-SHELL", command].</summary>
    public ImmutableArray<string> Test => IsNone
        ? ["NONE"]
        : [Command!.IsJson ? "CMD" : "CMD-SHELL", .. Command.Args.Select(a => a.Text)];
}
