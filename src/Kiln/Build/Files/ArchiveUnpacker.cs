using System.IO.Compression;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots.Layers;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>
/// ADD's archive rule (BuildKit's "attempt unpack"): a regular file whose bytes, once decompressed (gzip, bzip2, xz or
/// zstd, recognised by magic bytes), start with a valid tar header is extracted into the destination directory, keeping
/// the archive's owners, modes and times; anything else is left to an ordinary copy.
/// </summary>
internal static class ArchiveUnpacker
{
    private const int BlockSize = 512;

    /// <summary>Extracts the source when it is an archive; false (and nothing written) when it is not.</summary>
    public static async Task<bool> TryUnpackAsync(
        string sourceRoot, string source, string destinationRoot, string destination, FileUser? owner, DateTimeOffset? time, CancellationToken cancellationToken)
    {
        var path = ScopedPath.Resolve(sourceRoot, source);
        if (FileStatus.TryGet(path) is not { IsRegular: true } || !await IsArchiveAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var target = ScopedPath.Resolve(destinationRoot, destination);
        Directories.MakeAll(destinationRoot, target, owner, time);

        // Docker's untar skips the archive's "." entry when the directory exists: it keeps its owner and mode.
        var before = FileStatus.Get(target);
        var tar = Open(path);
        await using (tar.ConfigureAwait(false))
        {
            try
            {
                await LayerApplier.ApplyAsync(tar, null, Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(source)), target, WhiteoutMode.Direct, [], cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (KilnException e) when (e.Code != ErrorCodes.Cancelled)
            {
                throw new KilnException(ErrorCodes.ArchiveUnpackFailed, $"failed to extract archive {source}: {e.Message}", inner: e);
            }
        }

        FileOps.Chown(target, before.Uid, before.Gid);
        FileOps.Chmod(target, before.Permissions);
        return true;
    }

    /// <summary>The file's decompressed bytes, by magic: gzip and zstd in process, bzip2 and xz through their programs.</summary>
    public static Stream Open(string path)
    {
        Span<byte> head = stackalloc byte[6];
        int read;
        using (var probe = File.OpenRead(path))
        {
            read = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]))
        {
            return new ZstdSharp.DecompressionStream(File.OpenRead(path));
        }

        if (head.StartsWith("BZh"u8))
        {
            return ProcessOutputStream.Start("bzip2", "-dc", "--", path);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
        {
            return ProcessOutputStream.Start("xz", "-dc", "--", path);
        }

        return File.OpenRead(path);
    }

    /// <summary>Whether the decompressed bytes start with a tar header whose checksum is right (Go's tar reader's test).</summary>
    public static async Task<bool> IsArchiveAsync(string path, CancellationToken cancellationToken)
    {
        var block = new byte[BlockSize];
        int read;
        try
        {
            var stream = Open(path);
            await using (stream.ConfigureAwait(false))
            {
                read = await stream.ReadAtLeastAsync(block, BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidDataException or ZstdSharp.ZstdException or IOException)
        {
            return false;
        }

        return read == BlockSize && HasValidChecksum(block);
    }

    private static bool HasValidChecksum(ReadOnlySpan<byte> block)
    {
        if (!block.ContainsAnyExcept((byte)0))
        {
            return false;
        }

        long unsigned = 0;
        long signed = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : block[i];
            unsigned += b;
            signed += (sbyte)b;
        }

        var field = System.Text.Encoding.ASCII.GetString(block[148..156]).Trim(' ', '\0');
        if (field.Length == 0)
        {
            return false;
        }

        try
        {
            var expected = Convert.ToInt64(field, 8);
            return expected == unsigned || expected == signed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
