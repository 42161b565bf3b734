using System.Security.Cryptography;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// A content digest (<c>algorithm:hex</c>). Only sha256 and sha512 are accepted, with lowercase hex of the
/// exact length, so a parsed digest is always safe to use as a file name.
/// </summary>
internal readonly record struct Digest : IComparable<Digest>
{
    public const string Sha256Algorithm = "sha256";
    public const string Sha512Algorithm = "sha512";

    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public string Algorithm { get; }

    /// <summary>The encoded part after the colon: lowercase hex.</summary>
    public string Hex { get; }

    public bool IsDefault => Algorithm is null;

    public static Digest Parse(string value)
    {
        if (!TryParse(value, out var digest, out var error))
        {
            throw new KilnException(ErrorCodes.InvalidDigest, $"invalid digest \"{Truncate(value ?? "")}\": {error}");
        }

        return digest;
    }

    public static bool TryParse(string? value, out Digest digest) => TryParse(value, out digest, out _);

    public static bool TryParse(string? value, out Digest digest, out string error)
    {
        digest = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "empty";
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            error = "expected algorithm:hex";
            return false;
        }

        var algorithm = value[..colon];
        var hex = value[(colon + 1)..];
        var expectedLength = HexLength(algorithm);
        if (expectedLength == 0)
        {
            error = $"unsupported algorithm \"{Truncate(algorithm)}\" (sha256 and sha512 are supported)";
            return false;
        }

        if (hex.Length != expectedLength)
        {
            error = $"{algorithm} needs {expectedLength} hex characters, got {hex.Length}";
            return false;
        }

        foreach (var c in hex)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                error = "encoded part must be lowercase hex";
                return false;
            }
        }

        digest = new Digest(algorithm, hex);
        error = "";
        return true;
    }

    public static Digest Sha256(ReadOnlySpan<byte> bytes) => new(Sha256Algorithm, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    public static Digest Compute(string algorithm, ReadOnlySpan<byte> bytes) => algorithm switch
    {
        Sha256Algorithm => Sha256(bytes),
        Sha512Algorithm => new(Sha512Algorithm, Convert.ToHexStringLower(SHA512.HashData(bytes))),
        _ => throw new KilnException(ErrorCodes.InvalidDigest, $"unsupported digest algorithm \"{Truncate(algorithm)}\""),
    };

    /// <summary>Builds a digest from a finished hash of the given algorithm.</summary>
    public static Digest FromHash(string algorithm, ReadOnlySpan<byte> hash) =>
        Parse($"{algorithm}:{Convert.ToHexStringLower(hash)}");

    public static HashAlgorithmName HashAlgorithmFor(string algorithm) => algorithm switch
    {
        Sha256Algorithm => HashAlgorithmName.SHA256,
        Sha512Algorithm => HashAlgorithmName.SHA512,
        _ => throw new KilnException(ErrorCodes.InvalidDigest, $"unsupported digest algorithm \"{Truncate(algorithm)}\""),
    };

    /// <summary>True when <paramref name="bytes"/> hash to this digest.</summary>
    public bool Matches(ReadOnlySpan<byte> bytes) => !IsDefault && Compute(Algorithm, bytes) == this;

    /// <summary>
    /// Throws <see cref="ErrorCodes.SizeMismatch"/> or <see cref="ErrorCodes.DigestMismatch"/> unless
    /// <paramref name="bytes"/> are the content this digest (and, when given, <paramref name="expectedSize"/>) names.
    /// </summary>
    public void Verify(ReadOnlySpan<byte> bytes, long? expectedSize = null, string? source = null)
    {
        if (expectedSize is { } size && bytes.Length != size)
        {
            throw SizeMismatch(source, size, bytes.Length);
        }

        var actual = Compute(Algorithm, bytes);
        if (actual != this)
        {
            throw Mismatch(source, actual);
        }
    }

    /// <summary>A new incremental hash of this digest's algorithm.</summary>
    public IncrementalHash CreateHash() => IncrementalHash.CreateHash(HashAlgorithmFor(Algorithm));

    internal KilnException Mismatch(string? source, Digest actual) =>
        new(ErrorCodes.DigestMismatch, $"{Prefix(source)}digest mismatch: expected {this}, got {actual}");

    internal static KilnException SizeMismatch(string? source, long expected, long actual) =>
        new(ErrorCodes.SizeMismatch, $"{Prefix(source)}size mismatch: expected {expected} bytes, got {(actual > expected ? "more than " + expected : actual.ToString(System.Globalization.CultureInfo.InvariantCulture))}");

    public int CompareTo(Digest other) => string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => IsDefault ? "" : $"{Algorithm}:{Hex}";

    private static int HexLength(string algorithm) => algorithm switch
    {
        Sha256Algorithm => 64,
        Sha512Algorithm => 128,
        _ => 0,
    };

    private static string Prefix(string? source) => source is null ? "" : source + ": ";

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}
