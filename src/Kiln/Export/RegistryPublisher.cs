using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Export.Assembly;
using Kiln.Export.Load;
using Kiln.Export.Outputs;
using Kiln.Export.Push;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.Export;

/// <summary>
/// Finishes image outputs outside kiln: pushes with <see cref="ImagePusher"/> (push-by-digest and name-canonical from the
/// output) and loads single-platform images into the Docker Engine through <see cref="DockerLoader"/>.
/// </summary>
internal sealed class RegistryPublisher(RegistryClient registry, ContentStore store, BlobOriginTable origins, Func<DockerLoader> loader) : IImagePublisher
{
    public async Task<ImmutableArray<string>> PushAsync(
        AssembledImage image, OutputSpec output, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        var pusher = new ImagePusher(registry, store, origins);
        var options = new PushOptions { ByDigest = output.PushByDigest, NameCanonical = output.NameCanonical };
        var result = await pusher.PushAsync(image.Root, [.. names.Select(Reference.Parse)], options, null, cancellationToken).ConfigureAwait(false);
        return result.Names;
    }

    public async Task LoadAsync(AssembledImage image, OutputSpec output, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var docker = loader();
        await docker.LoadImageAsync(store, image.Root, names, cancellationToken).ConfigureAwait(false);
    }
}
