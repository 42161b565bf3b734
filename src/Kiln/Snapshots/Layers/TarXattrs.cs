using System.Text;

namespace Kiln.Snapshots.Layers;

/// <summary>Extended attributes carried in PAX records: <c>SCHILY.xattr.NAME</c> (raw value) and <c>LIBARCHIVE.xattr.NAME</c> (base64).</summary>
internal static class TarXattrs
{
    public const string SchilyPrefix = "SCHILY.xattr.";
    public const string LibArchivePrefix = "LIBARCHIVE.xattr.";

    public static IEnumerable<(string Name, byte[] Value)> Read(IReadOnlyDictionary<string, string> records)
    {
        foreach (var (key, value) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith(SchilyPrefix, StringComparison.Ordinal) && key.Length > SchilyPrefix.Length)
            {
                yield return (key[SchilyPrefix.Length..], Encoding.UTF8.GetBytes(value));
            }
            else if (key.StartsWith(LibArchivePrefix, StringComparison.Ordinal) && key.Length > LibArchivePrefix.Length
                && TryBase64(value) is { } bytes)
            {
                yield return (Uri.UnescapeDataString(key[LibArchivePrefix.Length..]), bytes);
            }
        }
    }

    private static byte[]? TryBase64(string value)
    {
        var padded = value.PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
