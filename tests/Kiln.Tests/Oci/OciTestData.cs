using System.Text;

namespace Kiln.Tests.Oci;

/// <summary>Shared digests and JSON snippets for the OCI model tests.</summary>
internal static class OciTestData
{
    public const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string DigestC = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Single quotes stand for double quotes, so tables stay readable.</summary>
    public static byte[] Json(string text) => Encoding.UTF8.GetBytes(text.Replace('\'', '"'));

    /// <summary>JSON nested <paramref name="depth"/> arrays deep.</summary>
    public static byte[] Nested(int depth) => Utf8(new string('[', depth) + new string(']', depth));
}
