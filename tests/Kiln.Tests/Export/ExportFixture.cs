using System.Collections.Immutable;
using Kiln.Content;
using Kiln.Oci;
using Kiln.Tests.Content;
using Kiln.Tests.Snapshots;

namespace Kiln.Tests.Export;

/// <summary>Builds small images straight into a fresh content store, with knobs to make them wrong on purpose.</summary>
internal sealed class ExportFixture : IDisposable
{
    private readonly TempRoot root = new();

    public ExportFixture() => Store = new ContentStore(root.Paths);

    public ContentStore Store { get; }

    public string Directory => root.Directory;

    public static byte[] LayerTar(string name) => new TarBuilder().Directory("etc").File("etc/" + name, "content of " + name).Build();

    public static byte[] Compress(byte[] tar, LayerCompression compression) => compression switch
    {
        LayerCompression.Gzip => TarBuilder.Gzip(tar),
        LayerCompression.Zstd => TarBuilder.Zstd(tar),
        _ => tar,
    };

    public async Task<Descriptor> AddAsync(string mediaType, byte[] bytes)
    {
        var descriptor = Descriptor.ForBytes(mediaType, bytes);
        await Store.WriteAsync(descriptor.Digest, bytes, CancellationToken.None);
        return descriptor;
    }

    /// <summary>One image manifest for a platform, with one layer per compression given; the result carries the platform.</summary>
    public async Task<Descriptor> ImageAsync(
        Platform platform,
        LayerCompression[]? compressions = null,
        bool docker = false,
        Func<ImageConfig, ImageConfig>? editConfig = null,
        Func<Manifest, Manifest>? editManifest = null,
        Platform? configPlatform = null)
    {
        var layers = ImmutableArray.CreateBuilder<Descriptor>();
        var diffIds = ImmutableArray.CreateBuilder<Digest>();
        var i = 0;
        foreach (var compression in compressions ?? [LayerCompression.Gzip])
        {
            var tar = LayerTar($"{platform.Architecture}-{i++}-{compression}");
            diffIds.Add(Digest.Sha256(tar));
            layers.Add(await AddAsync(MediaType.ForLayer(compression, docker), Compress(tar, compression)));
        }

        var config = ImageConfig.For(configPlatform ?? platform) with { RootFS = new RootFS(diffIds.ToImmutable()) };
        config = editConfig?.Invoke(config) ?? config;
        var configBytes = config.ToBytes();
        var configDescriptor = await AddAsync(docker ? MediaType.DockerConfig : MediaType.OciConfig, configBytes);
        var manifest = new Manifest(docker ? MediaType.DockerManifest : MediaType.OciManifest, configDescriptor, layers.ToImmutable());
        manifest = editManifest?.Invoke(manifest) ?? manifest;
        var descriptor = await AddAsync(manifest.MediaType, manifest.ToBytes());
        return descriptor with { Platform = platform };
    }

    public async Task<Descriptor> IndexAsync(IEnumerable<Descriptor> manifests, bool docker = false)
    {
        var index = new ImageIndex(docker ? MediaType.DockerManifestList : MediaType.OciIndex, [.. manifests]);
        return await AddAsync(index.MediaType, index.ToBytes());
    }

    /// <summary>Replaces a stored blob's bytes in place (same length, other content), as disk corruption would.</summary>
    public void Corrupt(Digest digest)
    {
        var path = Store.BlobPath(digest);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xff;
        File.Delete(path);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(Digest digest) => File.Delete(Store.BlobPath(digest));

    public void Dispose() => root.Dispose();
}
