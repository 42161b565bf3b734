using Kiln.Dockerfile.Instructions;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>HEALTHCHECK: replaces the health config; the history text is Go's <c>%q</c> of the config struct.</summary>
internal sealed class HealthcheckConverter : InstructionConverter<HealthcheckInstruction>
{
    protected override void Convert(HealthcheckInstruction instruction, StageState stage, ConversionContext context)
    {
        var health = new HealthConfig
        {
            Test = instruction.Test,
            Interval = instruction.Interval.Ticks * 100,
            Timeout = instruction.Timeout.Ticks * 100,
            StartPeriod = instruction.StartPeriod.Ticks * 100,
            StartInterval = instruction.StartInterval.Ticks * 100,
            Retries = instruction.Retries,
        };
        stage.Config = stage.Config with { Healthcheck = health };
        var text = string.Join(' ',
            GoFormat.QuoteList(instruction.Test),
            GoFormat.Quote(GoFormat.Duration(instruction.Interval)),
            GoFormat.Quote(GoFormat.Duration(instruction.Timeout)),
            GoFormat.Quote(GoFormat.Duration(instruction.StartPeriod)),
            GoFormat.Quote(GoFormat.Duration(instruction.StartInterval)),
            GoFormat.QuoteRune(instruction.Retries));
        stage.Commit("HEALTHCHECK &{" + text + "}", withLayer: false);
    }
}
