using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kiln.Context;

/// <summary>
/// The packed form of a context's stat-cache records: a version byte, then per record the UTF-8 path with a
/// 16-bit length, size, mtime ns, ctime ns, inode (64 bits each), mode (32 bits) and the 32-byte sha256.
/// A value that does not decode cleanly is treated as empty, never trusted in part.
/// </summary>
internal static class StatCacheCodec
{
    private const byte Version = 1;
    private const int FixedLength = 8 + 8 + 8 + 8 + 4 + 32;

    public static byte[] Encode(IReadOnlyCollection<KeyValuePair<string, StatCacheRecord>> records)
    {
        using var stream = new MemoryStream(records.Count * (FixedLength + 48));
        stream.WriteByte(Version);
        Span<byte> fixedPart = stackalloc byte[FixedLength];
        Span<byte> hash = stackalloc byte[32];
        Span<byte> length = stackalloc byte[2];
        foreach (var (path, record) in records)
        {
            var name = Encoding.UTF8.GetBytes(path);
            if (name.Length > ushort.MaxValue)
            {
                continue;
            }

            record.Hash.Write(hash);
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)name.Length);
            stream.Write(length);
            stream.Write(name);
            BinaryPrimitives.WriteInt64LittleEndian(fixedPart, record.Size);
            BinaryPrimitives.WriteInt64LittleEndian(fixedPart[8..], record.MtimeNs);
            BinaryPrimitives.WriteInt64LittleEndian(fixedPart[16..], record.CtimeNs);
            BinaryPrimitives.WriteUInt64LittleEndian(fixedPart[24..], record.Inode);
            BinaryPrimitives.WriteUInt32LittleEndian(fixedPart[32..], record.Mode);
            hash.CopyTo(fixedPart[36..]);
            stream.Write(fixedPart);
        }

        return stream.ToArray();
    }

    /// <summary>The records keyed by path; a path stored twice keeps its last record.</summary>
    public static Dictionary<string, StatCacheRecord> Decode(ReadOnlySpan<byte> data) => ToDictionary(DecodeList(data));

    public static Dictionary<string, StatCacheRecord> ToDictionary(KeyValuePair<string, StatCacheRecord>[] records)
    {
        var map = new Dictionary<string, StatCacheRecord>(records.Length, StringComparer.Ordinal);
        foreach (var (path, record) in records)
        {
            map[path] = record;
        }

        return map;
    }

    /// <summary>The records in the order they were encoded.</summary>
    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static KeyValuePair<string, StatCacheRecord>[] DecodeList(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 || data[0] != Version)
        {
            return [];
        }

        // Sized for paths of about 16 bytes; trimmed at the end.
        var records = new KeyValuePair<string, StatCacheRecord>[data.Length / (2 + FixedLength + 16)];
        var count = 0;
        var offset = 1;
        while (offset < data.Length)
        {
            if (data.Length - offset < 2)
            {
                return [];
            }

            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
            offset += 2;
            if (data.Length - offset < nameLength + FixedLength)
            {
                return [];
            }

            var path = Encoding.UTF8.GetString(data.Slice(offset, nameLength));
            var record = data.Slice(offset + nameLength, FixedLength);
            offset += nameLength + FixedLength;
            if (count == records.Length)
            {
                Array.Resize(ref records, Math.Max(16, count * 2));
            }

            records[count++] = new(path, new StatCacheRecord(
                BinaryPrimitives.ReadInt64LittleEndian(record),
                BinaryPrimitives.ReadInt64LittleEndian(record[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[16..]),
                BinaryPrimitives.ReadUInt64LittleEndian(record[24..]),
                BinaryPrimitives.ReadUInt32LittleEndian(record[32..]),
                Sha256Value.Read(record[36..])));
        }

        if (count != records.Length)
        {
            Array.Resize(ref records, count);
        }

        return records;
    }
}
