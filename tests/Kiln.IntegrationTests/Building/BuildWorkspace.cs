using System.Formats.Tar;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Building;

/// <summary>A temporary context directory and kiln root for one end-to-end build test; removed at dispose.</summary>
internal sealed class BuildWorkspace : IDisposable
{
    public const string Busybox = "127.0.0.1:5000/busybox:latest";

    public BuildWorkspace()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kiln-build-it", Guid.NewGuid().ToString("N"));
        Context = Path.Combine(Directory, "ctx");
        Root = Path.Combine(Directory, "root");
        System.IO.Directory.CreateDirectory(Context);
    }

    public string Directory { get; }

    public string Context { get; }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Context, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Runs kiln with this workspace's root (and any extra variables).</summary>
    public Task<KilnRun> KilnAsync(params string[] args) => KilnWithAsync(new Dictionary<string, string>(), args);

    public Task<KilnRun> KilnWithAsync(Dictionary<string, string> environment, params string[] args)
    {
        Assert.True(Environment.IsPrivilegedProcess, "build integration tests need root (overlayfs, runc): see scripts/setup.sh");
        environment["KILN_ROOT"] = Root;
        return KilnRunner.RunWithEnvironmentAsync(environment, args);
    }

    /// <summary>The files of an OCI archive by name.</summary>
    public static Dictionary<string, byte[]> ReadTar(string path)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
            }
        }

        return files;
    }

    /// <summary>The platform manifests of an OCI archive: from index.json through a nested index when there is one.</summary>
    public static List<(Platform? Platform, Manifest Manifest, ImageConfig Config)> Images(Dictionary<string, byte[]> archive)
    {
        byte[] Blob(Digest digest) => archive[$"blobs/{digest.Algorithm}/{digest.Hex}"];
        var images = new List<(Platform?, Manifest, ImageConfig)>();
        var pending = new Queue<Descriptor>(ImageIndex.Parse(archive["index.json"]).Manifests);
        while (pending.TryDequeue(out var descriptor))
        {
            if (MediaType.IsIndex(descriptor.MediaType))
            {
                foreach (var child in ImageIndex.Parse(Blob(descriptor.Digest)).Manifests)
                {
                    pending.Enqueue(child);
                }

                continue;
            }

            var manifest = Manifest.Parse(Blob(descriptor.Digest));
            images.Add((descriptor.Platform, manifest, ImageConfig.Parse(Blob(manifest.Config.Digest))));
        }

        return images;
    }

    /// <summary>The content of one file in the image's top layers (the last layer that has it wins; gzip layers).</summary>
    public static string? FileInImage(Dictionary<string, byte[]> archive, Manifest manifest, string path)
    {
        string? found = null;
        foreach (var layer in manifest.Layers)
        {
            using var compressed = new MemoryStream(archive[$"blobs/{layer.Digest.Algorithm}/{layer.Digest.Hex}"]);
            using var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.Name.TrimStart('.', '/') == path && entry.DataStream is { } data)
                {
                    using var text = new StreamReader(data);
                    found = text.ReadToEnd();
                }
            }
        }

        return found;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
