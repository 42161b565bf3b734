using System.IO.Compression;
using Kiln.Content;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Snapshots.Layers;

namespace Kiln.Export.Layers;

/// <summary>
/// Turns one committed snapshot into its layer blob. A pulled image's layer reuses its original blob (recompressed
/// only with force-compression); any other snapshot is diffed against its parent once per <see cref="LayerVariant"/>
/// and the result recorded, so exporting again costs no diff. Media types are relabelled OCI or Docker on the way out.
/// </summary>
internal sealed class LayerResolver(Snapshotter snapshotter, ContentStore store)
{
    private readonly SnapshotLayerTable table = new(snapshotter.Database);

    public async Task<SnapshotLayer> ResolveAsync(SnapshotInfo snapshot, LayerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var variant = LayerVariant.Of(options);
        var layer = await FindAsync(snapshot, LayerVariant.Source, cancellationToken).ConfigureAwait(false);
        if (layer is not null && options.ForceCompression && MediaType.CompressionOf(layer.Layer.MediaType) != options.Compression)
        {
            layer = await FindAsync(snapshot, variant, cancellationToken).ConfigureAwait(false)
                ?? await RecordAsync(snapshot, variant, await RecompressAsync(layer, options, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        layer ??= await FindAsync(snapshot, variant, cancellationToken).ConfigureAwait(false)
            ?? await RecordAsync(snapshot, variant, await DiffAsync(snapshot, options, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return Relabel(layer, !options.OciMediaTypes);
    }

    /// <summary>The same blob under the media type of the wanted family (OCI or Docker), as BuildKit converts them.</summary>
    public static SnapshotLayer Relabel(SnapshotLayer layer, bool docker)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var mediaType = MediaType.ForLayer(MediaType.CompressionOf(layer.Layer.MediaType), docker);
        return layer with { Layer = new Descriptor(mediaType, layer.Layer.Digest, layer.Layer.Size) };
    }

    /// <summary>The gzip level .NET offers closest to a gzip <c>compression-level</c> (0 to 9).</summary>
    public static CompressionLevel GzipLevel(int? level) => level switch
    {
        null => CompressionLevel.Optimal,
        <= 0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        <= 8 => CompressionLevel.Optimal,
        _ => CompressionLevel.SmallestSize,
    };

    private async Task<SnapshotLayer?> FindAsync(SnapshotInfo snapshot, string variant, CancellationToken cancellationToken)
    {
        var found = await table.GetAsync(snapshot, variant, cancellationToken).ConfigureAwait(false);
        return found is not null && await store.ExistsAsync(found.Layer.Digest, cancellationToken).ConfigureAwait(false) ? found : null;
    }

    private async Task<SnapshotLayer> RecordAsync(SnapshotInfo snapshot, string variant, SnapshotLayer layer, CancellationToken cancellationToken)
    {
        await table.PutAsync(snapshot, variant, layer, cancellationToken).ConfigureAwait(false);
        return layer;
    }

    private async Task<SnapshotLayer> DiffAsync(SnapshotInfo snapshot, LayerOptions options, CancellationToken cancellationToken)
    {
        var diffOptions = new LayerDiffOptions
        {
            Compression = options.Compression,
            ClampMtime = options.ClampMtime,
            GzipLevel = GzipLevel(options.Level),
            ZstdLevel = options.Level ?? LayerDiffOptions.Default.ZstdLevel,
        };
        var diff = await snapshotter.DiffAsync(snapshot.Key, store, diffOptions, cancellationToken).ConfigureAwait(false);
        return new SnapshotLayer(diff.Layer, diff.DiffId);
    }

    /// <summary>Decompresses a stored blob and compresses it again the requested way; the diffID does not change.</summary>
    private async Task<SnapshotLayer> RecompressAsync(SnapshotLayer source, LayerOptions options, CancellationToken cancellationToken)
    {
        var writer = store.OpenWriter();
        await using (writer.ConfigureAwait(false))
        {
            var blob = store.OpenRead(source.Layer.Digest);
            await using (blob.ConfigureAwait(false))
            {
                var tar = await LayerDecompression.OpenAsync(blob, source.Layer.MediaType, source.Layer.Digest, cancellationToken).ConfigureAwait(false);
                await using (tar.ConfigureAwait(false))
                {
                    Stream? compressor = options.Compression switch
                    {
                        LayerCompression.Gzip => new GZipStream(writer, GzipLevel(options.Level), leaveOpen: true),
                        LayerCompression.Zstd => new ZstdSharp.CompressionStream(writer, options.Level ?? LayerDiffOptions.Default.ZstdLevel, leaveOpen: true),
                        _ => null,
                    };
                    try
                    {
                        await tar.CopyToAsync(compressor ?? writer, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        if (compressor is not null)
                        {
                            await compressor.DisposeAsync().ConfigureAwait(false);
                        }
                    }
                }
            }

            var info = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new SnapshotLayer(new Descriptor(MediaType.ForLayer(options.Compression, docker: false), info.Digest, info.Size), source.DiffId);
        }
    }
}
