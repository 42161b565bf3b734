using System.Buffers.Binary;
using Kiln.Oci;

namespace Kiln.Context;

/// <summary>
/// A raw 32-byte sha256, kept unboxed so that a 100,000-file context costs no string per file until a
/// <see cref="Digest"/> is actually asked for.
/// </summary>
internal readonly record struct Sha256Value(ulong A, ulong B, ulong C, ulong D)
{
    public const int Length = 32;

    public static Sha256Value Read(ReadOnlySpan<byte> hash) => new(
        BinaryPrimitives.ReadUInt64BigEndian(hash),
        BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, A);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], D);
    }

    public Digest ToDigest()
    {
        Span<byte> bytes = stackalloc byte[Length];
        Write(bytes);
        return Digest.FromHash(Digest.Sha256Algorithm, bytes);
    }
}
