using System.Text;
using Kiln.Streams;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// A read-through stream that follows the tar framing of the bytes <see cref="System.Formats.Tar.TarReader"/> reads and
/// keeps each entry's xattr PAX records as raw bytes. TarReader decodes PAX values as UTF-8 text, which corrupts binary
/// xattrs such as <c>security.capability</c>; the entry's name is kept too so a caller can check it pairs them right.
/// </summary>
internal sealed class PaxTap(Stream inner) : ReadOnlyStream
{
    private const int Block = 512;
    private readonly byte[] header = new byte[Block];
    private readonly Queue<(string Name, Dictionary<string, byte[]> Xattrs)> entries = new();
    private int headerFill;
    private long skip;
    private MemoryStream? capture;
    private char captureType;
    private Dictionary<string, byte[]>? pendingXattrs;
    private string? pendingName;
    private long? pendingSize;

    /// <summary>The raw xattrs of the next entry TarReader returned, when its name matches what the tap saw.</summary>
    public Dictionary<string, byte[]>? TakeXattrs(string entryName) =>
        entries.TryDequeue(out var next) && next.Name == entryName ? next.Xattrs : null;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read]);
        return read;
    }

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (skip > 0)
            {
                var take = (int)Math.Min(skip, bytes.Length);
                capture?.Write(bytes[..take]);
                skip -= take;
                bytes = bytes[take..];
                if (skip == 0 && capture is not null)
                {
                    FinishCapture();
                }

                continue;
            }

            var want = Math.Min(Block - headerFill, bytes.Length);
            bytes[..want].CopyTo(header.AsSpan(headerFill));
            headerFill += want;
            bytes = bytes[want..];
            if (headerFill == Block)
            {
                headerFill = 0;
                OnHeader();
            }
        }
    }

    private void OnHeader()
    {
        if (header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            return; // end-of-archive block
        }

        var type = (char)header[156];
        var size = ParseSize(header.AsSpan(124, 12));
        var padded = (size + Block - 1) / Block * Block;
        if (type is 'x' or 'L' or 'K')
        {
            capture = new MemoryStream();
            captureType = type;
            skip = padded;
            if (skip == 0)
            {
                FinishCapture();
            }

            return;
        }

        var name = pendingName ?? UstarName();
        entries.Enqueue((name, pendingXattrs ?? []));
        var dataSize = pendingSize ?? size;
        (pendingName, pendingXattrs, pendingSize) = (null, null, null);
        skip = type is '0' or '\0' or '7' or 'g' ? (dataSize + Block - 1) / Block * Block : 0;
    }

    private void FinishCapture()
    {
        var data = capture!.ToArray();
        capture = null;
        var size = ParseSize(header.AsSpan(124, 12));
        var content = data.AsSpan(0, (int)Math.Min(size, data.Length));
        if (captureType == 'L')
        {
            pendingName = CString(content);
            return;
        }

        if (captureType == 'x')
        {
            ParseRecords(content);
        }
    }

    private void ParseRecords(ReadOnlySpan<byte> records)
    {
        while (!records.IsEmpty)
        {
            var space = records.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(records[..space], out var length) || length <= space || length > records.Length)
            {
                return;
            }

            var record = records[(space + 1)..(length - 1)];
            records = records[length..];
            var equals = record.IndexOf((byte)'=');
            if (equals < 0)
            {
                continue;
            }

            var key = Encoding.UTF8.GetString(record[..equals]);
            var value = record[(equals + 1)..];
            if (key == "path")
            {
                pendingName = Encoding.UTF8.GetString(value);
            }
            else if (key == "size" && long.TryParse(value, out var size))
            {
                pendingSize = size;
            }
            else if (key.StartsWith(TarXattrs.SchilyPrefix, StringComparison.Ordinal) && key.Length > TarXattrs.SchilyPrefix.Length)
            {
                (pendingXattrs ??= [])[key[TarXattrs.SchilyPrefix.Length..]] = value.ToArray();
            }
        }
    }

    private string UstarName()
    {
        var name = CString(header.AsSpan(0, 100));
        var isUstar = header.AsSpan(257, 5).SequenceEqual("ustar"u8);
        var prefix = isUstar ? CString(header.AsSpan(345, 155)) : "";
        return prefix.Length > 0 ? $"{prefix}/{name}" : name;
    }

    private static string CString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static long ParseSize(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            long value = 0;
            foreach (var b in field[1..])
            {
                value = (value << 8) | b;
            }

            return value;
        }

        long octal = 0;
        var digits = field.TrimStart((byte)' ');
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'7')
            {
                break;
            }

            octal = (octal * 8) + (b - '0');
        }

        return octal;
    }
}
