using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.ImageTools;

/// <summary>What `imagetools create` was asked to do.</summary>
internal sealed record CreateRequest(
    ImmutableArray<string> Sources,
    ImmutableArray<string> SourceFiles,
    ImmutableArray<Reference> Tags,
    ImmutableArray<AnnotationSpec> Annotations,
    bool Append,
    bool DryRun);

/// <summary>The index (or the single source document) that was pushed, or would be with --dry-run.</summary>
internal sealed record CreateResult(byte[] Bytes, Descriptor Descriptor);

/// <summary>
/// `imagetools create`: resolves sources, joins them into one index, copies what the target repositories
/// lack and pushes the index to every tag last.
/// </summary>
internal sealed class ImageToolsCreator(RegistryClient registry, Action<string> log)
{
    public async Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken)
    {
        if (request.Tags.IsEmpty && !request.DryRun)
        {
            throw new KilnException(ErrorCodes.InvalidArgument, "imagetools create needs at least one -t/--tag (or --dry-run)");
        }

        var sources = new List<ImageSource>();
        if (request.Append)
        {
            if (request.Tags.IsEmpty)
            {
                throw new KilnException(ErrorCodes.InvalidArgument, "--append needs a -t/--tag to append to");
            }

            sources.Add(await ResolveAsync(request.Tags[0], cancellationToken).ConfigureAwait(false));
        }

        var defaultRepository = request.Tags.IsEmpty ? null : request.Tags[0];
        foreach (var file in request.SourceFiles)
        {
            sources.Add(await ResolveFileAsync(file, defaultRepository, cancellationToken).ConfigureAwait(false));
        }

        foreach (var text in request.Sources)
        {
            sources.Add(await ResolveAsync(ParseSource(text, defaultRepository), cancellationToken).ConfigureAwait(false));
        }

        var (bytes, descriptor, entries) = IndexComposer.Compose(sources, request.Annotations);
        if (request.DryRun)
        {
            return new CreateResult(bytes, descriptor);
        }

        foreach (var tag in request.Tags)
        {
            log($"pushing {descriptor.Digest} to {tag}");
            foreach (var entry in entries)
            {
                await new RepositoryCopier(registry, log).CopyAsync(entry.Repository, entry.Descriptor, tag, cancellationToken).ConfigureAwait(false);
            }

            await registry.PushManifestAsync(tag, descriptor.MediaType, bytes, cancellationToken).ConfigureAwait(false);
        }

        return new CreateResult(bytes, descriptor);
    }

    private static Reference ParseSource(string text, Reference? defaultRepository)
    {
        // A bare digest names that digest in the first tag's repository, as buildx allows.
        if (Digest.TryParse(text, out var digest))
        {
            return defaultRepository is null
                ? throw new KilnException(ErrorCodes.InvalidArgument, $"source {text} is a bare digest: give -t so kiln knows its repository")
                : defaultRepository.WithoutTagOrDigest().WithDigest(digest);
        }

        return Reference.Parse(text);
    }

    private async Task<ImageSource> ResolveAsync(Reference reference, CancellationToken cancellationToken)
    {
        var manifest = await registry.GetManifestAsync(reference, cancellationToken).ConfigureAwait(false);
        var document = manifest.Parse(reference.ToString());
        var source = new ImageSource(reference, manifest, document);
        if (document.Manifest is not { } m)
        {
            return source;
        }

        if (!MediaType.IsConfig(m.Config.MediaType))
        {
            return source;
        }

        var config = await ImageConfigLoader.LoadAsync(registry, reference, m, cancellationToken).ConfigureAwait(false);
        return source with { Platform = config.Platform.Normalize() };
    }

    private async Task<ImageSource> ResolveFileAsync(string path, Reference? defaultRepository, CancellationToken cancellationToken)
    {
        if (defaultRepository is null)
        {
            throw new KilnException(ErrorCodes.InvalidArgument, $"-f {path}: a source descriptor needs -t so kiln knows its repository");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        Descriptor descriptor;
        try
        {
            descriptor = Descriptor.Parse(bytes, path);
        }
        catch (KilnException e)
        {
            throw new KilnException(ErrorCodes.InvalidSourceDescriptor, $"-f {path}: not a valid OCI descriptor: {e.Message}", inner: e);
        }

        var source = await ResolveAsync(defaultRepository.WithoutTagOrDigest().WithDigest(descriptor.Digest), cancellationToken).ConfigureAwait(false);
        return descriptor.Platform is null ? source : source with { Platform = descriptor.Platform };
    }
}
