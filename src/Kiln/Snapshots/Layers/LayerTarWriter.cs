using System.Buffers;
using System.Formats.Tar;
using System.Text;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Writes normalized tar entries: ustar headers with numeric owners and no user or group names, plus a PAX header only
/// when a value does not fit ustar (long or non-ASCII names, big sizes or ids, xattrs). The same entries always give the
/// same bytes, which is what makes layer digests reproducible.
/// </summary>
internal sealed class LayerTarWriter(Stream output)
{
    public const int BlockSize = 512;
    private const long MaxOctal7 = 0x1f_ffff; // 7 octal digits
    private const long MaxOctal11 = 0x1_ffff_ffff; // 11 octal digits

    private readonly byte[] header = new byte[BlockSize];

    public async Task WriteEntryAsync(LayerEntry entry, Stream? content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = entry.Type == TarEntryType.Directory ? entry.Path + "/" : entry.Path;
        var pax = PaxRecords(entry, name);
        if (pax.Length > 0)
        {
            BuildHeader("././@PaxHeader", TarEntryType.ExtendedAttributes, 0x1a4, 0, 0, pax.Length, 0, "", 0, 0);
            await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(pax, cancellationToken).ConfigureAwait(false);
            await WritePaddingAsync(pax.Length, cancellationToken).ConfigureAwait(false);
        }

        var size = entry.Type is TarEntryType.RegularFile ? entry.Size : 0;
        BuildHeader(name, entry.Type, entry.Mode & 0xfff, entry.Uid, entry.Gid, size, entry.MtimeSeconds, entry.LinkName, entry.DeviceMajor, entry.DeviceMinor);
        await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        if (size == 0)
        {
            return;
        }

        if (content is null)
        {
            throw new InvalidOperationException($"entry {entry.Path} needs {size} bytes of content");
        }

        await CopyExactlyAsync(content, size, entry.Path, cancellationToken).ConfigureAwait(false);
        await WritePaddingAsync(size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The two zero blocks that end an archive.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await output.WriteAsync(new byte[BlockSize * 2], cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyExactlyAsync(Stream content, long size, string path, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var remaining = size;
            while (remaining > 0)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"{path} shrank while it was being archived ({remaining} of {size} bytes missing)");
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WritePaddingAsync(long size, CancellationToken cancellationToken)
    {
        var padding = (int)((BlockSize - (size % BlockSize)) % BlockSize);
        if (padding > 0)
        {
            await output.WriteAsync(new byte[padding], cancellationToken).ConfigureAwait(false);
        }
    }

    private static byte[] PaxRecords(LayerEntry entry, string name)
    {
        var records = new List<(string Key, byte[] Value)>();
        if (!FitsUstarName(name, out _))
        {
            records.Add(("path", Encoding.UTF8.GetBytes(name)));
        }

        if (!IsAscii(entry.LinkName) || Encoding.UTF8.GetByteCount(entry.LinkName) > 100)
        {
            records.Add(("linkpath", Encoding.UTF8.GetBytes(entry.LinkName)));
        }

        AddNumber(records, "size", entry.Size, MaxOctal11);
        AddNumber(records, "uid", entry.Uid, MaxOctal7);
        AddNumber(records, "gid", entry.Gid, MaxOctal7);
        AddNumber(records, "mtime", entry.MtimeSeconds, MaxOctal11);
        foreach (var (key, value) in entry.Xattrs)
        {
            records.Add((TarXattrs.SchilyPrefix + key, value));
        }

        records.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        using var buffer = new MemoryStream();
        foreach (var (key, value) in records)
        {
            var body = Encoding.UTF8.GetByteCount(key) + value.Length + 3; // ' ', '=', '\n'
            var length = body + 1;
            while (length != body + length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
            {
                length++; // the length counts its own digits
            }

            buffer.Write(Encoding.ASCII.GetBytes($"{length} {key}="));
            buffer.Write(value);
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    private static void AddNumber(List<(string, byte[])> records, string key, long value, long max)
    {
        if (value < 0 || value > max)
        {
            records.Add((key, Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    private static bool FitsUstarName(string name, out int split)
    {
        split = -1;
        if (!IsAscii(name))
        {
            return false;
        }

        if (name.Length <= 100)
        {
            return true;
        }

        // ustar prefix (155) + '/' + name (100): split at the first slash that leaves a short enough name.
        for (var i = name.IndexOf('/'); i >= 0; i = name.IndexOf('/', i + 1))
        {
            if (i <= 155 && name.Length - i - 1 <= 100 && name.Length - i - 1 > 0)
            {
                split = i;
                return true;
            }
        }

        return false;
    }

    private static bool IsAscii(string value) => Ascii.IsValid(value);

    private void BuildHeader(string name, TarEntryType type, uint mode, int uid, int gid, long size, long mtime, string linkName, int major, int minor)
    {
        Array.Clear(header);
        var span = header.AsSpan();
        if (FitsUstarName(name, out var split) && split >= 0)
        {
            WriteText(span.Slice(345, 155), name[..split]);
            WriteText(span[..100], name[(split + 1)..]);
        }
        else
        {
            WriteText(span[..100], name);
        }

        WriteOctal(span.Slice(100, 8), mode);
        WriteOctal(span.Slice(108, 8), Math.Clamp(uid, 0, MaxOctal7));
        WriteOctal(span.Slice(116, 8), Math.Clamp(gid, 0, MaxOctal7));
        WriteOctal(span.Slice(124, 12), Math.Clamp(size, 0, MaxOctal11));
        WriteOctal(span.Slice(136, 12), Math.Clamp(mtime, 0, MaxOctal11));
        span[156] = (byte)type;
        WriteText(span.Slice(157, 100), linkName);
        "ustar\0"u8.CopyTo(span[257..]);
        "00"u8.CopyTo(span[263..]);
        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            WriteOctal(span.Slice(329, 8), major);
            WriteOctal(span.Slice(337, 8), minor);
        }

        span.Slice(148, 8).Fill((byte)' ');
        var checksum = 0;
        foreach (var b in header)
        {
            checksum += b;
        }

        WriteOctal(span.Slice(148, 7), checksum);
        span[155] = (byte)' ';
    }

    private static void WriteText(Span<byte> field, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        bytes.AsSpan(0, Math.Min(bytes.Length, field.Length)).CopyTo(field);
    }

    /// <summary>Zero-padded octal filling all but the last byte, which stays NUL.</summary>
    private static void WriteOctal(Span<byte> field, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        Encoding.ASCII.GetBytes(digits.AsSpan(digits.Length - (field.Length - 1)), field);
        field[^1] = 0;
    }
}
