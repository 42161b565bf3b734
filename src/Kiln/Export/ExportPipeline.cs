using System.Collections.Immutable;
using System.Text;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots;

namespace Kiln.Export;

/// <summary>
/// The one entry point from a build's results to its outputs: assembles the image once per distinct set of image
/// options (compression, media types, annotations, epoch) and writes every <c>--output</c> in order.
/// </summary>
internal sealed class ExportPipeline(Snapshotter snapshotter, KilnPaths paths, ContentStore store, TimeProvider timeProvider)
{
    private readonly ImageAssembler assembler = new(snapshotter, store, timeProvider);
    private readonly FilesystemExporter filesystems = new(snapshotter, paths);
    private readonly ImageStoreWriter imageStore = new(new Content.Metadata.ImageTable(snapshotter.Database), timeProvider);

    public async Task<ExportResult> ExportAsync(ExportRequest request, IProgressSink progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var assembled = new Dictionary<string, AssembledImage>(StringComparer.Ordinal);
        var outputs = ImmutableArray.CreateBuilder<ExportedOutput>(request.Outputs.Length);
        for (var i = 0; i < request.Outputs.Length; i++)
        {
            var output = request.Outputs[i];
            var vertex = Digest.Sha256(Encoding.UTF8.GetBytes($"kiln-export-{i}-{output.Type}"));
            var started = timeProvider.GetUtcNow();
            progress.Emit(new VertexStarted(started, vertex, VertexName(output), []));
            try
            {
                var status = new VertexProgress(progress, vertex, timeProvider);
                outputs.Add(await ExportOneAsync(request, output, assembled, status, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                progress.Emit(new VertexErrored(timeProvider.GetUtcNow(), vertex, started, ErrorCodes.ExportWriteFailed, e.Message));
                throw new KilnException(
                    ErrorCodes.ExportWriteFailed,
                    $"failed to write the {output.Type.ToString().ToLowerInvariant()} output to {output.Destination}: {e.Message}",
                    inner: e);
            }
            catch (Exception e) when (e is KilnException or OperationCanceledException)
            {
                var code = e is KilnException k ? k.Code : ErrorCodes.Internal;
                progress.Emit(new VertexErrored(timeProvider.GetUtcNow(), vertex, started, code, e.Message));
                throw;
            }

            progress.Emit(new VertexCompleted(timeProvider.GetUtcNow(), vertex, started));
        }

        return new ExportResult(outputs.MoveToImmutable());
    }

    /// <summary>A pushed image needs a name; callers check it before building too, so a build does not end in this error.</summary>
    public static void RequireNames(OutputSpec output, ImmutableArray<string> names)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Push && names.IsDefaultOrEmpty)
        {
            throw new KilnException(ErrorCodes.ExportNameRequired, "pushing an image needs a name: give -t NAME or name=NAME in the output");
        }
    }

    /// <summary>The names an image output gets: the build's tags when there are any (as buildx sets them), else its own.</summary>
    public static ImmutableArray<string> NamesOf(OutputSpec output, ImmutableArray<string> tags)
    {
        ArgumentNullException.ThrowIfNull(output);
        return !tags.IsDefaultOrEmpty && output.IsImage ? tags : output.Names;
    }

    private async Task<ExportedOutput> ExportOneAsync(
        ExportRequest request, OutputSpec output, Dictionary<string, AssembledImage> assembled, VertexProgress progress, CancellationToken cancellationToken)
    {
        if (output.Type == OutputType.CacheOnly)
        {
            return new ExportedOutput(output, null, []);
        }

        if (request.Images.IsDefaultOrEmpty)
        {
            throw new KilnException(ErrorCodes.ExportNoImage, "the build has no result to export");
        }

        if ((output.Type & OutputType.Filesystems) != 0)
        {
            await filesystems.WriteAsync(request.Images, output, output.SourceDateEpoch ?? request.SourceDateEpoch, Stdout(request, output), cancellationToken).ConfigureAwait(false);
            return new ExportedOutput(output, null, []);
        }

        var names = NamesOf(output, request.Tags);
        var options = output.ImageOptions(request.SourceDateEpoch, request.Annotations.IsDefault ? [] : request.Annotations);
        var key = options.Key();
        if (!assembled.TryGetValue(key, out var image))
        {
            image = await assembler.AssembleAsync(request.Images, options, progress, cancellationToken).ConfigureAwait(false);
            assembled[key] = image;
        }

        var created = options.SourceDateEpoch is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : timeProvider.GetUtcNow();
        var layout = ImageFileWriter.LayoutOptions(names, created);
        var sending = output.Type == OutputType.Image ? "naming to " + string.Join(", ", names) : "sending tarball";
        progress.Status(sending, sending, 0, null);
        switch (output.Type)
        {
            case OutputType.Oci:
                await ImageFileWriter.WriteOciAsync(store, image, output, layout, Stdout(request, output), cancellationToken).ConfigureAwait(false);
                break;
            case OutputType.Docker when output.Destination is null:
                await PublisherOf(request, "loading into Docker").LoadAsync(image, output, names, cancellationToken).ConfigureAwait(false);
                break;
            case OutputType.Docker:
                await ImageFileWriter.WriteDockerAsync(store, image, output, names, layout, Stdout(request, output), cancellationToken).ConfigureAwait(false);
                break;
            default:
                names = await ExportImageAsync(request, output, image, names, cancellationToken).ConfigureAwait(false);
                break;
        }

        progress.Status(sending, sending, 0, null, completed: true);
        return new ExportedOutput(output, image, names);
    }

    private async Task<ImmutableArray<string>> ExportImageAsync(
        ExportRequest request, OutputSpec output, AssembledImage image, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        RequireNames(output, names);
        if (output.Store)
        {
            names = await imageStore.StoreAsync(image, names, output.DanglingNamePrefix, cancellationToken).ConfigureAwait(false);
        }

        if (output.Push)
        {
            names = await PublisherOf(request, "pushing").PushAsync(image, output, names, cancellationToken).ConfigureAwait(false);
        }

        return names;
    }

    private static IImagePublisher PublisherOf(ExportRequest request, string what) =>
        request.Publisher ?? throw new KilnException(ErrorCodes.ExportOutputInvalid, $"{what} is not available in this export (no publisher was given)");

    private static Func<Stream>? Stdout(ExportRequest request, OutputSpec output) =>
        output.Destination != OutputSpec.Stdout ? null
        : request.OpenStandardOutput ?? throw new KilnException(ErrorCodes.ExportDestinationRequired, $"type={output.Type.ToString().ToLowerInvariant()},dest=- needs a standard output to write to");

    private static string VertexName(OutputSpec output) => output.Type switch
    {
        OutputType.Image => "exporting to image",
        OutputType.Oci => "exporting to oci image format",
        OutputType.Docker => "exporting to docker image format",
        OutputType.Tar => "exporting to client tarball",
        OutputType.Local => "exporting to client directory",
        _ => "exporting cache",
    };
}
