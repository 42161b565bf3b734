using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Kiln.Oci;

namespace Kiln.Context;

/// <summary>
/// Feeds the canonical byte form of selected context entries into sha256 through one buffer: per entry a kind
/// byte, permission bits, uid and gid (32-bit little-endian), the length-prefixed UTF-8 path, then the content
/// hash of a file, the length-prefixed target of a symlink or the type bits of a special file.
/// </summary>
internal sealed class SelectionHashWriter : IDisposable
{
    private const string Header = "kiln.context-selection.v1";
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public SelectionHashWriter(string root)
    {
        WriteString(Header);
        WriteString(root);
    }

    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(string relative, ContextEntry entry)
    {
        var kind = entry.Kind switch
        {
            ContextEntryKind.File => (byte)'f',
            ContextEntryKind.Directory => (byte)'d',
            ContextEntryKind.Symlink => (byte)'l',
            _ => (byte)'s',
        };
        Reserve(1 + 12)[0] = kind;
        var fixedPart = _buffer.AsSpan(_used + 1, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedPart, entry.Stat.Permissions);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedPart[4..], entry.Stat.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedPart[8..], entry.Stat.Gid);
        _used += 13;
        WriteString(relative);
        switch (entry.Kind)
        {
            case ContextEntryKind.File:
                var hash = entry.ContentHash ?? throw new InvalidOperationException($"{entry.Path} was not hashed");
                hash.Write(Reserve(Sha256Value.Length));
                _used += Sha256Value.Length;
                break;
            case ContextEntryKind.Symlink:
                WriteString(entry.LinkTarget ?? "");
                break;
            case ContextEntryKind.Special:
                BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), entry.Stat.Mode & FileStat.TypeMask);
                _used += 4;
                break;
        }
    }

    public Digest Finish()
    {
        Flush();
        return Digest.FromHash(Digest.Sha256Algorithm, _hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void WriteString(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), (uint)length);
        _used += 4;
        if (length > _buffer.Length)
        {
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(text));
            return;
        }

        var written = Encoding.UTF8.GetBytes(text, Reserve(length));
        _used += written;
    }

    // Room for count bytes at the end of the buffer, flushing first when needed.
    private Span<byte> Reserve(int count)
    {
        if (_used + count > _buffer.Length)
        {
            Flush();
        }

        return _buffer.AsSpan(_used, count);
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
