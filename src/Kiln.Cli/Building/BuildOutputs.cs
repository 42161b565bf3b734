using System.Collections.Immutable;
using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;

namespace Kiln.Cli.Building;

/// <summary>
/// A build's outputs from its flags as buildx reads them: every <c>--output</c>, <c>--push</c> as an image output
/// pushed under the tags, <c>--load</c> as a docker output loaded into the engine, and <c>-t</c> alone as an image
/// kept in kiln's store under the tags. No output at all leaves the result in the build cache only.
/// </summary>
internal static class BuildOutputs
{
    public static ImmutableArray<OutputSpec> Parse(BuildFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var parsed = OutputSpecParser.Parse(flags.Outputs);
        if (parsed.HasErrors)
        {
            throw new KilnException(parsed.Diagnostics);
        }

        var outputs = parsed.Outputs.ToBuilder();
        if (flags.Push)
        {
            outputs.Add(OutputSpecParser.Parse("type=image,push=true"));
        }

        if (flags.Load)
        {
            outputs.Add(OutputSpecParser.Parse("type=docker"));
        }

        if (outputs.Count == 0 && !flags.Tags.IsEmpty)
        {
            outputs.Add(OutputSpecParser.Parse("type=image"));
        }

        foreach (var output in outputs)
        {
            ExportPipeline.RequireNames(output, ExportPipeline.NamesOf(output, flags.Tags));
        }

        return outputs.ToImmutable();
    }

    /// <summary>The <c>--annotation</c> values, each <c>[TYPE[PLATFORM]:]KEY=VALUE</c>.</summary>
    public static ImmutableArray<ImageAnnotation> Annotations(BuildFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var annotations = ImmutableArray.CreateBuilder<ImageAnnotation>();
        foreach (var text in flags.Annotations)
        {
            if (!ImageAnnotation.TryParseFlag(text, out var parsed, out var error))
            {
                throw new KilnException(ErrorCodes.InvalidAnnotation, $"invalid --annotation \"{text}\": {error}");
            }

            annotations.AddRange(parsed);
        }

        return annotations.ToImmutable();
    }

    /// <summary>SOURCE_DATE_EPOCH from a build arg, else the environment, as buildx passes it on.</summary>
    public static long? SourceDateEpoch(IReadOnlyDictionary<string, string> buildArgs, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(buildArgs);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var text = buildArgs.GetValueOrDefault("SOURCE_DATE_EPOCH") ?? getEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? epoch
            : throw new KilnException(ErrorCodes.InvalidArgument, $"invalid SOURCE_DATE_EPOCH \"{text}\": expected Unix seconds");
    }
}
