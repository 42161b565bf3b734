using System.Collections.Immutable;
using System.Formats.Tar;
using System.Text.Json;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// Reads an OCI image layout archive (what <c>--output type=oci,dest=FILE</c> writes) into one
/// <see cref="ArchiveImage"/> per platform, following nested indexes and leaving out attestation manifests.
/// </summary>
internal static class OciArchive
{
    public static ImmutableArray<ArchiveImage> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static ImmutableArray<ArchiveImage> Read(Stream tar)
    {
        var files = ReadFiles(tar);
        if (!files.TryGetValue("index.json", out var top))
        {
            throw new InvalidDataException("the archive has no index.json");
        }

        var images = ImmutableArray.CreateBuilder<ArchiveImage>();
        Collect(top);
        return images.ToImmutable();

        void Collect(byte[] indexBytes)
        {
            using var index = JsonDocument.Parse(indexBytes);
            foreach (var descriptor in index.RootElement.GetProperty("manifests").EnumerateArray())
            {
                if (descriptor.TryGetProperty("annotations", out var a) && a.TryGetProperty("vnd.docker.reference.type", out _))
                {
                    continue;
                }

                var bytes = Blob(files, descriptor);
                using var document = JsonDocument.Parse(bytes);
                if (document.RootElement.TryGetProperty("manifests", out _))
                {
                    Collect(bytes);
                    continue;
                }

                var config = Blob(files, document.RootElement.GetProperty("config"));
                var layers = document.RootElement.TryGetProperty("layers", out var l)
                    ? l.EnumerateArray().Select(d => new ArchiveLayer(d.GetProperty("mediaType").GetString()!, Blob(files, d))).ToImmutableArray()
                    : [];
                images.Add(new ArchiveImage(PlatformOf(config), config, layers));
            }
        }
    }

    /// <summary>os/architecture[/variant] as the image config states it.</summary>
    public static string PlatformOf(byte[] config)
    {
        using var document = JsonDocument.Parse(config);
        var root = document.RootElement;
        var platform = $"{root.GetProperty("os").GetString()}/{root.GetProperty("architecture").GetString()}";
        return root.TryGetProperty("variant", out var v) && v.GetString() is { Length: > 0 } variant ? $"{platform}/{variant}" : platform;
    }

    private static Dictionary<string, byte[]> ReadFiles(Stream tar)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is not { } data)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            data.CopyTo(buffer);
            files[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
        }

        return files;
    }

    private static byte[] Blob(Dictionary<string, byte[]> files, JsonElement descriptor)
    {
        var digest = descriptor.GetProperty("digest").GetString()!;
        var (algorithm, hex) = digest.Split(':', 2) is [var a, var h] ? (a, h) : throw new InvalidDataException($"bad digest {digest}");
        if (hex.Any(c => !char.IsAsciiHexDigitLower(c)) || !char.IsAsciiLetterLower(algorithm[0]))
        {
            throw new InvalidDataException($"bad digest {digest}");
        }

        return files.TryGetValue($"blobs/{algorithm}/{hex}", out var bytes) ? bytes : throw new InvalidDataException($"blob {digest} is missing");
    }
}
