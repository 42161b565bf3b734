using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// Resolves a <c>--from</c> name: a named context first, then a stage (by name or index), then an image reference.
/// </summary>
internal static class SourceResolver
{
    public static Vertex? Resolve(string from, StageState stage, ConversionContext context, SourceSpan span)
    {
        if (context.Request.NamedContexts.TryGetValue(from, out var named))
        {
            return Named(named, stage, context);
        }

        if (context.FindStage(from) is { } source && context.Stages.TryGetValue(source.Index, out var converted))
        {
            return converted.State;
        }

        if (!Reference.TryParse(from, out var reference, out var error))
        {
            context.Error(ErrorCodes.ConvertInvalidSource, $"failed to parse stage name \"{from}\": {error}", span);
            return null;
        }

        return Image(reference, stage.Platform, context, stage.Stage.DisplayName);
    }

    public static Vertex? Named(NamedContext named, StageState stage, ConversionContext context) => named switch
    {
        { Image: { } image } => Image(image, stage.Platform, context, stage.Stage.DisplayName),
        { Kind: NamedContextKind.Target } => named.ResultFor(stage.Platform)?.Root,
        _ => context.LocalContext(named.SourceName, [], stage),
    };

    public static Vertex Image(Reference reference, Platform platform, ConversionContext context, string stageName) =>
        context.Add(new ImageSourceOp(reference.WithDefaultTag(), platform), [], new VertexMetadata
        {
            Name = $"[internal] load metadata for {reference.WithDefaultTag()}",
            Stage = stageName,
        });
}
