using System.Globalization;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses HEALTHCHECK NONE and HEALTHCHECK [--interval --timeout --start-period --start-interval --retries] CMD.</summary>
internal static class HealthcheckParser
{
    private static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(1);

    public static Instruction? Parse(InstructionContext c)
    {
        var args = c.Node.Args;
        if (!c.AtLeastOne())
        {
            return null;
        }

        var type = args[0].Text.ToUpperInvariant();
        if (type == "NONE")
        {
            if (args.Length > 1)
            {
                c.Error(ErrorCodes.DockerfileInvalidHealthcheck, "HEALTHCHECK NONE takes no arguments");
                return null;
            }

            return new HealthcheckInstruction(c.Node, true, null, default, default, default, default, 0);
        }

        var flags = c.Flags(
            ("interval", FlagKind.String),
            ("timeout", FlagKind.String),
            ("start-period", FlagKind.String),
            ("start-interval", FlagKind.String),
            ("retries", FlagKind.String));
        if (type != "CMD")
        {
            c.Error(ErrorCodes.DockerfileInvalidHealthcheck, $"Unknown type \"{type}\" in HEALTHCHECK (try CMD)", args[0]);
            return null;
        }

        if (args.Length < 2)
        {
            c.Error(ErrorCodes.DockerfileInvalidHealthcheck, "Missing command after HEALTHCHECK CMD");
            return null;
        }

        var errors = c.DiagnosticCount;
        var interval = Duration(c, flags, "interval");
        var timeout = Duration(c, flags, "timeout");
        var startPeriod = Duration(c, flags, "start-period");
        var startInterval = Duration(c, flags, "start-interval");
        var retries = 0;
        if (flags.Get("retries") is { Value: { Length: > 0 } text } f)
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r) || r > int.MaxValue || r < int.MinValue)
            {
                c.Error(ErrorCodes.DockerfileInvalidRetries, $"strconv.ParseInt: parsing \"{text}\": invalid syntax", f.Source);
            }
            else if (r < 0)
            {
                c.Error(ErrorCodes.DockerfileInvalidRetries, $"--retries cannot be negative ({r})", f.Source);
            }
            else
            {
                retries = (int)r;
            }
        }

        if (c.DiagnosticCount > errors)
        {
            return null;
        }

        var command = new CommandLine(args[1..], c.Node.IsJson);
        return new HealthcheckInstruction(c.Node, false, command, interval, timeout, startPeriod, startInterval, retries) { Flags = flags.All };
    }

    private static TimeSpan Duration(InstructionContext c, FlagSet flags, string name)
    {
        if (flags.Get(name) is not { Value: { Length: > 0 } text } flag)
        {
            return TimeSpan.Zero;
        }

        if (!GoDuration.TryParse(text, out var value))
        {
            c.Error(ErrorCodes.DockerfileInvalidDuration, $"time: invalid duration \"{text}\"", flag.Source);
        }
        else if (value < TimeSpan.Zero)
        {
            c.Error(ErrorCodes.DockerfileInvalidDuration, $"Interval \"{name}\" cannot be negative", flag.Source);
        }
        else if (value != TimeSpan.Zero && value < Minimum)
        {
            c.Error(ErrorCodes.DockerfileInvalidDuration, $"Interval \"{name}\" cannot be less than 1ms", flag.Source);
        }

        return value;
    }
}
