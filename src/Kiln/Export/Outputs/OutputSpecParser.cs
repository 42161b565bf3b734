using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Exec.Mounts;
using Kiln.Export.Assembly;

namespace Kiln.Export.Outputs;

/// <summary>
/// Parses <c>--output</c>/<c>-o</c> values as buildx does: CSV <c>key=value</c> fields with a <c>type</c>; a bare
/// path is <c>type=local,dest=PATH</c> and a bare <c>-</c> is <c>type=tar</c> to standard output; <c>type=registry</c>
/// is <c>type=image,push=true</c>. Unknown types and keys are errors; every value is checked, every error reported.
/// </summary>
internal static class OutputSpecParser
{
    private static readonly ImmutableArray<string> TypeNames = ["image", "registry", "oci", "docker", "tar", "local", "cacheonly"];

    public static OutputParseResult Parse(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var outputs = ImmutableArray.CreateBuilder<OutputSpec>();
        var diagnostics = new List<Diagnostic>();
        foreach (var value in values)
        {
            if (ParseOne(value, diagnostics) is { } spec)
            {
                outputs.Add(spec);
            }
        }

        return new OutputParseResult(outputs.ToImmutable(), [.. diagnostics]);
    }

    /// <summary>Parses one value and throws the first error as a <see cref="KilnException"/>.</summary>
    public static OutputSpec Parse(string value)
    {
        var diagnostics = new List<Diagnostic>();
        var spec = ParseOne(value, diagnostics);
        return spec is not null && diagnostics.Count == 0 ? spec : throw new KilnException([.. diagnostics]);
    }

    private static OutputSpec? ParseOne(string value, List<Diagnostic> diagnostics)
    {
        if (!CsvFields.TrySplit(value, out var fields, out var csvError))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputInvalid, $"failed to parse csv output \"{value}\": {csvError}"));
            return null;
        }

        if (fields.Count == 1 && fields[0] == value && !value.StartsWith("type=", StringComparison.Ordinal))
        {
            return value == OutputSpec.Stdout
                ? new OutputSpec(OutputType.Tar) { Destination = OutputSpec.Stdout }
                : new OutputSpec(OutputType.Local) { Destination = value };
        }

        var pairs = new List<(string Key, string Value)>();
        string? typeName = null;
        var before = diagnostics.Count;
        foreach (var field in fields)
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputInvalid, $"invalid value {field}"));
                continue;
            }

            var key = field[..equals].Trim().ToLowerInvariant();
            if (key == "type")
            {
                typeName = field[(equals + 1)..];
            }
            else
            {
                pairs.Add((key, field[(equals + 1)..]));
            }
        }

        if (typeName is null)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputInvalid, "type is required for output"));
            return null;
        }

        if (Start(typeName) is not { } spec)
        {
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.ExportOutputUnknownType, $"unknown output type \"{typeName}\"", detail: "the output types are " + string.Join(", ", TypeNames)));
            return null;
        }

        var pushGiven = false;
        foreach (var (key, fieldValue) in pairs)
        {
            spec = spec with { Attributes = spec.Attributes.SetItem(key, fieldValue) };
            pushGiven |= key == "push";
            spec = Apply(spec, typeName, key, fieldValue, diagnostics) ?? spec;
        }

        if (typeName == "registry" && !pushGiven)
        {
            spec = spec with { Push = true };
        }

        Validate(spec, diagnostics);
        return diagnostics.Count == before ? spec : null;
    }

    private static OutputSpec? Start(string typeName) => typeName switch
    {
        "image" or "registry" => new OutputSpec(OutputType.Image) { Layers = new() { OciMediaTypes = false } },
        "oci" => new OutputSpec(OutputType.Oci),
        "docker" => new OutputSpec(OutputType.Docker) { Layers = new() { OciMediaTypes = false } },
        "tar" => new OutputSpec(OutputType.Tar),
        "local" => new OutputSpec(OutputType.Local),
        "cacheonly" => new OutputSpec(OutputType.CacheOnly),
        _ => null,
    };

    private static OutputSpec? Apply(OutputSpec spec, string typeName, string key, string value, List<Diagnostic> diagnostics)
    {
        if (ImageAnnotation.TryParseOption(key, value, out var annotation, out var annotationError))
        {
            if (annotation is null)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportAnnotationInvalid, $"invalid annotation option {key}: {annotationError}"));
                return null;
            }

            if (!spec.IsImage)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputUnknownOption, $"option {key} does not apply to type={typeName}"));
                return null;
            }

            return spec with { Annotations = spec.Annotations.Add(annotation) };
        }

        if (!OutputOptions.All.TryGetValue(key, out var option))
        {
            var suggestion = OutputOptions.All.Keys.OrderBy(k => EditDistance.Between(k, key)).ThenBy(k => k, StringComparer.Ordinal).First();
            var detail = EditDistance.Between(suggestion, key) <= 2 ? $"did you mean {suggestion}?" : null;
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputUnknownOption, $"unknown option {key} for type={typeName}", detail: detail));
            return null;
        }

        if ((option.Types & spec.Type) == 0)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputUnknownOption, $"option {key} does not apply to type={typeName}"));
            return null;
        }

        var result = option.Apply(spec, value);
        if (result.Error is { } error)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputInvalidValue, error));
        }

        return result.Spec;
    }

    private static void Validate(OutputSpec spec, List<Diagnostic> diagnostics)
    {
        if (spec.Layers.Level is { } level)
        {
            var (low, high) = spec.Layers.Compression == Oci.LayerCompression.Zstd ? (0, 22) : (0, 9);
            if (level < low || level > high)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportOutputInvalidValue, $"compression-level {level} is out of range for {Layers.LayerVariant.Name(spec.Layers.Compression)} ({low} to {high})"));
            }
        }

        var needsDestination = spec.Type is OutputType.Oci or OutputType.Tar or OutputType.Local;
        if (needsDestination && string.IsNullOrEmpty(spec.Destination))
        {
            var what = spec.Type == OutputType.Local ? "output directory" : "output file";
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportDestinationRequired, $"{what} is required for {Name(spec.Type)} exporter"));
        }
        else if (spec.Destination == OutputSpec.Stdout && (spec.Type == OutputType.Local || (spec.Type is OutputType.Oci or OutputType.Docker && !spec.Tar)))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.ExportDestinationRequired, $"a directory output cannot go to standard output (type={Name(spec.Type)}, dest=-)"));
        }
    }

    private static string Name(OutputType type) => type.ToString().ToLowerInvariant();
}
