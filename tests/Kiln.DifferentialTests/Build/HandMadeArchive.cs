using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.DifferentialTests.Build;

/// <summary>Writes tiny OCI archives by hand (index, manifest, config, gzip or plain layers) for the comparer's own tests.</summary>
internal sealed class HandMadeArchive
{
    private readonly Dictionary<string, byte[]> blobs = new(StringComparer.Ordinal);
    private readonly List<string> manifests = [];

    /// <summary>A layer from tar entries; gzip unless <paramref name="gzip"/> is false.</summary>
    public static ArchiveLayer Layer(bool gzip, params TarEntry[] entries)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry);
            }
        }

        if (!gzip)
        {
            return new ArchiveLayer("application/vnd.oci.image.layer.v1.tar", tar.ToArray());
        }

        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(tar.ToArray());
        }

        return new ArchiveLayer("application/vnd.oci.image.layer.v1.tar+gzip", compressed.ToArray());
    }

    public static PaxTarEntry File(string path, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100, int uid = 0)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode, Uid = uid,
        };
        return entry;
    }

    public static PaxTarEntry Dir(string path) => new(TarEntryType.Directory, path) { Mode = (UnixFileMode)0b111_101_101 };

    public static PaxTarEntry Link(string path, TarEntryType type, string target) => new(type, path) { LinkName = target };

    public static string Config(string platform, string env, params (string CreatedBy, bool Empty, string Created)[] history)
    {
        var parts = platform.Split('/');
        var variant = parts.Length > 2 ? $",\"variant\":\"{parts[2]}\"" : "";
        var entries = string.Join(',', history.Select(h => $"{{\"created\":\"{h.Created}\",\"created_by\":\"{System.Text.Json.JsonEncodedText.Encode(h.CreatedBy)}\",\"comment\":\"buildkit.dockerfile.v0\"{(h.Empty ? ",\"empty_layer\":true" : "")}}}"));
        var diffIds = string.Join(',', history.Where(h => !h.Empty).Select(h => $"\"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(h.CreatedBy)))}\""));
        return $"{{\"created\":\"{history[^1].Created}\",\"architecture\":\"{parts[1]}\",\"os\":\"{parts[0]}\"{variant},"
            + $"\"config\":{{\"Env\":[\"{env}\"],\"Cmd\":[\"sh\"]}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[{diffIds}]}},\"history\":[{entries}]}}";
    }

    public HandMadeArchive Image(string config, params ArchiveLayer[] layers)
    {
        var configDescriptor = Add("application/vnd.oci.image.config.v1+json", Encoding.UTF8.GetBytes(config));
        var layerDescriptors = string.Join(',', layers.Select(l => Add(l.MediaType, l.Bytes)));
        var manifest = $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{configDescriptor},\"layers\":[{layerDescriptors}]}}";
        manifests.Add(Add("application/vnd.oci.image.manifest.v1+json", Encoding.UTF8.GetBytes(manifest)));
        return this;
    }

    /// <summary>The archive: index.json points at a nested index listing the images (as BuildKit writes several platforms).</summary>
    public Stream ToTar()
    {
        var nested = $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{string.Join(',', manifests)}]}}";
        var top = $"{{\"schemaVersion\":2,\"manifests\":[{Add("application/vnd.oci.image.index.v1+json", Encoding.UTF8.GetBytes(nested))}]}}";
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "index.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(top)) });
            foreach (var (hex, bytes) in blobs)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"blobs/sha256/{hex}") { DataStream = new MemoryStream(bytes) });
            }
        }

        tar.Position = 0;
        return tar;
    }

    private string Add(string mediaType, byte[] bytes)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        blobs[hex] = bytes;
        return $"{{\"mediaType\":\"{mediaType}\",\"digest\":\"sha256:{hex}\",\"size\":{bytes.Length}}}";
    }
}
