using System.Collections.Immutable;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;

namespace Kiln.Export;

/// <summary>
/// What the export pipeline hands on for outputs it does not finish itself: pushing an assembled image to a registry
/// (type=image with push=true) and loading one into a Docker Engine (type=docker without dest, <c>--load</c>).
/// </summary>
internal interface IImagePublisher
{
    /// <summary>Pushes <paramref name="image"/> (its blobs are in the content store) under every name; returns the names it now has.</summary>
    Task<ImmutableArray<string>> PushAsync(AssembledImage image, OutputSpec output, ImmutableArray<string> names, CancellationToken cancellationToken);

    /// <summary>Loads a single-platform image into the Docker Engine under every name.</summary>
    Task LoadAsync(AssembledImage image, OutputSpec output, ImmutableArray<string> names, CancellationToken cancellationToken);
}
