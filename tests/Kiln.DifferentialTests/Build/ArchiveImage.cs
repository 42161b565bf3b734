using System.Collections.Immutable;

namespace Kiln.DifferentialTests.Build;

/// <summary>One layer of an archived image: its media type and its (possibly compressed) bytes.</summary>
internal sealed record ArchiveLayer(string MediaType, byte[] Bytes);

/// <summary>One platform's image from an OCI archive: platform (os/arch[/variant]), raw config bytes and layers in order.</summary>
internal sealed record ArchiveImage(string Platform, byte[] Config, ImmutableArray<ArchiveLayer> Layers);
