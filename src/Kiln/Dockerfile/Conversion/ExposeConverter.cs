using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>EXPOSE: expanded port specs (ranges expanded, protocol defaulting to tcp) added as "port/proto".</summary>
internal sealed class ExposeConverter : InstructionConverter<ExposeInstruction>
{
    protected override void Convert(ExposeInstruction instruction, StageState stage, ConversionContext context)
    {
        var ports = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var word in instruction.Ports)
        {
            var spec = context.Expand(stage, word);
            if (!TryExpand(spec, ports))
            {
                context.Error(ErrorCodes.ConvertInvalidPort, $"invalid containerPort: {spec}", word.Span);
            }
        }

        stage.Config = stage.Config with { ExposedPorts = stage.Config.ExposedPorts.Union(ports) };
        stage.Commit("EXPOSE map[" + string.Join(' ', ports.Select(p => p + ":{}")) + "]", withLayer: false);
    }

    /// <summary>Adds "port/proto" for every port of <c>[ip:][host:]port[-port][/proto]</c>.</summary>
    public static bool TryExpand(string spec, ISet<string> ports)
    {
        var slash = spec.LastIndexOf('/');
        var proto = slash < 0 ? "tcp" : spec[(slash + 1)..].ToLowerInvariant();
        var range = slash < 0 ? spec : spec[..slash];
        range = range[(range.LastIndexOf(':') + 1)..];
        if (!PortSpec.IsValid(spec) || proto.Length == 0)
        {
            return false;
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var start = ushort.Parse(dash < 0 ? range : range[..dash], CultureInfo.InvariantCulture);
        var end = dash < 0 ? start : ushort.Parse(range[(dash + 1)..], CultureInfo.InvariantCulture);
        for (int port = start; port <= end; port++)
        {
            ports.Add(string.Create(CultureInfo.InvariantCulture, $"{port}/{proto}"));
        }

        return true;
    }
}
