using System.Security.Cryptography;
using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>Hash functions (hex of the UTF-8 bytes) and UUIDs.</summary>
internal static class HashFunctions
{
    private static readonly Dictionary<string, Guid> Namespaces = new(StringComparer.Ordinal)
    {
        ["dns"] = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
        ["url"] = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
        ["oid"] = new("6ba7b812-9dad-11d1-80b4-00c04fd430c8"),
        ["x500"] = new("6ba7b814-9dad-11d1-80b4-00c04fd430c8"),
    };

    public static IEnumerable<HclFunction> All(HclFunctionEnvironment environment) =>
    [
        Hash("md5", MD5.HashData),
        Hash("sha1", SHA1.HashData),
        Hash("sha256", SHA256.HashData),
        Hash("sha512", SHA512.HashData),
        HclFunction.Fixed("uuidv4", 0, _ => HclValue.From(environment.NewGuid().ToString("D"))),
        HclFunction.Fixed("uuidv5", 2, UuidV5),
        HclFunction.Fixed("homedir", 0, _ => HclValue.From(environment.HomeDirectory ?? throw new HclFunctionException("the home directory is not known"))),
    ];

    private static HclFunction Hash(string name, Func<byte[], byte[]> hash) =>
        HclFunction.Fixed(name, 1, a => HclValue.From(Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(a.String(0))))));

    /// <summary>RFC 4122 name-based UUID, version 5 (SHA-1).</summary>
    private static HclValue UuidV5(FunctionArguments a)
    {
        var ns = a.String(0);
        if (!Namespaces.TryGetValue(ns, out var space) && !Guid.TryParse(ns, out space))
        {
            throw new HclFunctionException($"uuidv5() doesn't support namespace {ns}", 0);
        }

        var data = space.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(a.String(1))).ToArray();
        var hash = SHA1.HashData(data);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return HclValue.From(new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D"));
    }
}
