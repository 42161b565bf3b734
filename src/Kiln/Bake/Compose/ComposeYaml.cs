using System.Collections.Immutable;
using Kiln.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiln.Bake.Compose;

/// <summary>Typed reads of YAML nodes for the Compose reader: scalars interpolated, spans from the node marks.</summary>
internal sealed class ComposeYaml(string fileName, ComposeInterpolator interpolator)
{
    public string FileName { get; } = fileName;

    public SourceSpan Span(YamlNode node) => Span(node.Start, node.End);

    public SourceSpan Span(Mark start, Mark end) =>
        new(FileName, new SourcePosition((int)start.Line, (int)start.Column), new SourcePosition((int)end.Line, (int)end.Column));

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw new KilnException(ErrorCodes.BakeInvalidCompose, $"{what} must be a mapping", Span(node));

    public string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? interpolator.Interpolate(value, Span(node)) : throw new KilnException(ErrorCodes.BakeInvalidCompose, $"{what} must be a string", Span(node));

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>A sequence of strings, or one string as a sequence of one (x-bake accepts both).</summary>
    public ImmutableArray<string> StringOrList(YamlNode node, string what) => node switch
    {
        YamlSequenceNode seq => [.. seq.Children.Select(c => Scalar(c, what))],
        YamlScalarNode => [Scalar(node, what)],
        _ => throw new KilnException(ErrorCodes.BakeInvalidCompose, $"{what} must be a string or a list of strings", Span(node)),
    };

    public bool Bool(YamlNode node, string what) =>
        Scalar(node, what).ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new KilnException(ErrorCodes.BakeInvalidCompose, $"{what} must be a boolean", Span(node)),
        };

    /// <summary>A mapping (null values allowed) or a list of KEY=VALUE / KEY items, as Compose args and labels are written.</summary>
    public IEnumerable<(string Key, string? Value)> Entries(YamlNode node, string what)
    {
        if (node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                yield return (Scalar(key, what), IsNull(value) ? null : Scalar(value, what));
            }
        }
        else if (node is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children)
            {
                var text = Scalar(item, what);
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                yield return eq < 0 ? (text, null) : (text[..eq], text[(eq + 1)..]);
            }
        }
        else
        {
            throw new KilnException(ErrorCodes.BakeInvalidCompose, $"{what} must be a mapping or a list", Span(node));
        }
    }
}
