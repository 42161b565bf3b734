using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses the one-value and list instructions: USER, WORKDIR, MAINTAINER, STOPSIGNAL, EXPOSE, VOLUME, ONBUILD.</summary>
internal static class SimpleParsers
{
    public static Instruction? ParseUser(InstructionContext c) => One(c) ? new UserInstruction(c.Node, c.Node.Args[0]) : null;

    public static Instruction? ParseWorkdir(InstructionContext c) => One(c) ? new WorkdirInstruction(c.Node, c.Node.Args[0]) : null;

    public static Instruction? ParseMaintainer(InstructionContext c) => One(c) ? new MaintainerInstruction(c.Node, c.Node.Args[0]) : null;

    public static Instruction? ParseStopSignal(InstructionContext c)
    {
        if (!One(c))
        {
            return null;
        }

        var signal = c.Node.Args[0];
        return signal.Text.Contains('$', StringComparison.Ordinal) || Signals.IsValid(signal.Text)
            ? new StopSignalInstruction(c.Node, signal)
            : new StopSignalInstruction(c.Node, signal)
            {
                DeferredErrors = [Diagnostic.Error(ErrorCodes.DockerfileInvalidSignal, $"invalid signal: {signal.Text}", signal.Span)],
            };
    }

    public static Instruction? ParseExpose(InstructionContext c)
    {
        c.Flags();
        if (!c.AtLeastOne())
        {
            return null;
        }

        foreach (var port in c.Node.Args)
        {
            if (!port.Text.Contains('$', StringComparison.Ordinal) && !PortSpec.IsValid(port.Text))
            {
                c.DeferredError(ErrorCodes.DockerfileInvalidPort, $"Invalid containerPort: {port.Text}", port);
            }
        }

        return new ExposeInstruction(c.Node, c.Node.Args) { DeferredErrors = [.. c.Deferred] };
    }

    public static Instruction? ParseVolume(InstructionContext c)
    {
        c.Flags();
        if (!c.AtLeastOne())
        {
            return null;
        }

        foreach (var path in c.Node.Args)
        {
            if (path.Text.Length == 0)
            {
                c.Error(ErrorCodes.DockerfileMissingArguments, "VOLUME specified can not be an empty string", path);
                return null;
            }
        }

        return new VolumeInstruction(c.Node, c.Node.Args);
    }

    public static Instruction? ParseOnbuild(InstructionContext c)
    {
        c.Flags();
        if (c.Node.Trigger is not { } trigger)
        {
            c.AtLeastOne();
            return null;
        }

        switch (trigger.Name)
        {
            case "onbuild":
                c.Error(ErrorCodes.DockerfileOnbuildNotAllowed, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", new(trigger.Keyword, trigger.KeywordSpan));
                return null;
            case "from" or "maintainer":
                c.Error(
                    ErrorCodes.DockerfileOnbuildNotAllowed,
                    $"{trigger.Keyword.ToUpperInvariant()} isn't allowed as an ONBUILD trigger",
                    new(trigger.Keyword, trigger.KeywordSpan));
                return null;
            default:
                return new OnbuildInstruction(c.Node, trigger);
        }
    }

    private static bool One(InstructionContext c)
    {
        c.Flags();
        return c.ExactlyOne();
    }
}
