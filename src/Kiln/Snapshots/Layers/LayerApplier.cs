using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Applies one layer blob (gzip, zstd or plain tar) to a directory, safely: see <see cref="SafeRoot"/>. OCI whiteouts are
/// realised per <see cref="WhiteoutMode"/>; the diffID is hashed from the uncompressed bytes on the way through.
/// </summary>
internal sealed class LayerApplier
{
    public const string WhiteoutPrefix = ".wh.";
    public const string OpaqueMarker = ".wh..wh..opq";

    private readonly SafeRoot root;
    private readonly WhiteoutMode mode;
    private readonly EntryWriter writer;
    private readonly HashSet<string> written = new(StringComparer.Ordinal);
    private readonly HashSet<string> writtenAncestors = new(StringComparer.Ordinal);

    private LayerApplier(SafeRoot root, WhiteoutMode mode)
    {
        this.root = root;
        this.mode = mode;
        writer = new EntryWriter(root, mode);
    }

    /// <summary>Applies a layer; any unsafe entry stops the apply with KILN1710 before anything is written for it.</summary>
    public static async Task<LayerApplyResult> ApplyAsync(
        Stream blob,
        string? mediaType,
        Digest layer,
        string targetDirectory,
        WhiteoutMode mode,
        ImmutableArray<string> lowerRoots,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(targetDirectory);
        var applier = new LayerApplier(new SafeRoot(targetDirectory, layer, lowerRoots), mode);
        try
        {
            var tar = await LayerDecompression.OpenAsync(blob, mediaType, layer, cancellationToken).ConfigureAwait(false);
            await using (tar.ConfigureAwait(false))
            {
                var hashing = new HashingStream(tar, leaveOpen: true);
                await using (hashing.ConfigureAwait(false))
                {
                    var entries = await applier.ApplyEntriesAsync(hashing, cancellationToken).ConfigureAwait(false);

                    // The diffID covers the whole uncompressed stream, padding after the end-of-archive blocks included.
                    await hashing.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                    applier.writer.FinishDirectoryTimes();
                    return new LayerApplyResult(hashing.Digest(), hashing.BytesHashed, entries, applier.writer.SkippedDevices);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or ZstdSharp.ZstdException or EndOfStreamException)
        {
            throw new KilnException(ErrorCodes.LayerCorrupt, $"layer {layer} is not a valid tar archive: {ex.Message}", inner: ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KilnException(ErrorCodes.LayerApplyFailed, $"applying layer {layer} to {targetDirectory}: {ex.Message}", inner: ex);
        }
    }

    private async Task<int> ApplyEntriesAsync(Stream tar, CancellationToken cancellationToken)
    {
        var count = 0;
        var tap = new PaxTap(tar);
        var reader = new TarReader(tap, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                var rawXattrs = tap.TakeXattrs(entry.Name);
                if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
                {
                    continue;
                }

                await ApplyEntryAsync(entry, rawXattrs, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }

    private async Task ApplyEntryAsync(TarEntry entry, Dictionary<string, byte[]>? rawXattrs, CancellationToken cancellationToken)
    {
        var relative = root.Clean(entry.Name);
        if (relative.Length == 0)
        {
            if (entry.EntryType is TarEntryType.Directory)
            {
                writer.ApplyMetadata(root.Root, entry, rawXattrs);
                return;
            }

            throw root.Unsafe(entry.Name, "replaces the layer root with a non-directory");
        }

        // Markers are resolved like any entry, so a symlinked parent cannot aim a deletion outside the root.
        var (host, resolved) = root.Resolve(relative, entry.Name);
        var slash = resolved.LastIndexOf('/');
        var parent = slash < 0 ? "" : resolved[..slash];
        var name = resolved[(slash + 1)..];
        if (name == OpaqueMarker)
        {
            ApplyOpaque(parent);
            return;
        }

        if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            var hidden = name[WhiteoutPrefix.Length..];
            if (hidden is "" or "." or "..")
            {
                throw root.Unsafe(entry.Name, "is a whiteout of an invalid name");
            }

            ApplyWhiteout(parent.Length == 0 ? hidden : $"{parent}/{hidden}");
            return;
        }

        writer.EnsureParents(resolved);
        await writer.WriteAsync(host, entry, rawXattrs, cancellationToken).ConfigureAwait(false);
        MarkWritten(resolved);
    }

    private void ApplyWhiteout(string resolved)
    {
        var host = Path.Combine(root.Root, resolved);
        if (mode == WhiteoutMode.Overlay)
        {
            writer.EnsureParents(resolved);
            FileOps.RemoveAll(host);
            FileOps.MakeWhiteout(host);
            return;
        }

        FileOps.RemoveAll(host);
    }

    private void ApplyOpaque(string resolved)
    {
        var host = resolved.Length == 0 ? root.Root : Path.Combine(root.Root, resolved);
        if (mode == WhiteoutMode.Overlay)
        {
            if (resolved.Length > 0)
            {
                writer.EnsureParents(resolved);
                writer.EnsureDirectory(host, resolved);
            }

            Xattrs.Set(host, Xattrs.OverlayOpaque, "y"u8);
            return;
        }

        if (FileStatus.TryGet(host) is { IsDirectory: true })
        {
            ClearExceptWritten(host, resolved);
        }
    }

    /// <summary>Removes what lower layers put in a directory, keeping whatever this layer wrote there.</summary>
    private void ClearExceptWritten(string host, string relative)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(host))
        {
            var childRelative = relative.Length == 0 ? Path.GetFileName(child) : $"{relative}/{Path.GetFileName(child)}";
            if (writtenAncestors.Contains(childRelative))
            {
                ClearExceptWritten(child, childRelative);
                continue;
            }

            if (written.Contains(childRelative))
            {
                if (FileStatus.TryGet(child) is { IsDirectory: true })
                {
                    foreach (var stale in Directory.EnumerateFileSystemEntries(child))
                    {
                        FileOps.RemoveAll(stale);
                    }
                }

                continue;
            }

            FileOps.RemoveAll(child);
        }
    }

    private void MarkWritten(string relative)
    {
        written.Add(relative);
        for (var slash = relative.LastIndexOf('/'); slash > 0; slash = relative.LastIndexOf('/', slash - 1))
        {
            if (!writtenAncestors.Add(relative[..slash]))
            {
                break;
            }
        }
    }
}
