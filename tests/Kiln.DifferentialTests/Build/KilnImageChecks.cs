using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Content;
using Kiln.Export;
using Kiln.Oci;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// Every OCI archive kiln writes must pass kiln's own <see cref="ImageValidator"/> (diffIDs included) and be accepted
/// by two independent clients: <c>skopeo inspect oci-archive:</c> for each platform and <c>umoci unpack</c>.
/// </summary>
internal static class KilnImageChecks
{
    private const string RefName = "org.opencontainers.image.ref.name";

    public static async Task VerifyAsync(string archive, IReadOnlyList<ArchiveImage> images, string workDir)
    {
        var layout = Path.Combine(workDir, "layout");
        Directory.CreateDirectory(layout);
        await TarFile.ExtractToDirectoryAsync(archive, layout, overwriteFiles: true);
        await ValidateAsync(layout, Path.Combine(workDir, "store"));
        foreach (var image in images)
        {
            var parts = image.Platform.Split('/');
            string[] overrides = ["--override-os", parts[0], "--override-arch", parts[1], .. parts.Length > 2 ? ["--override-variant", parts[2]] : Array.Empty<string>()];
            await ToolProcess.OutputOfAsync("skopeo", ["inspect", .. overrides, $"oci-archive:{archive}"]);
        }

        var manifests = TagPlatformManifests(layout);
        for (var i = 0; i < manifests; i++)
        {
            var bundle = Path.Combine(workDir, $"bundle{i}");
            await ToolProcess.OutputOfAsync("umoci", "unpack", "--image", $"{layout}:kiln-difftest-{i}", bundle);
            Assert.True(File.Exists(Path.Combine(bundle, "config.json")), $"umoci unpack wrote no runtime config for image {i}");
        }
    }

    /// <summary>Ingests every blob into a fresh content store and validates each image index.json names.</summary>
    private static async Task ValidateAsync(string layout, string storeRoot)
    {
        var store = new ContentStore(new KilnPaths(storeRoot));
        foreach (var blob in Directory.EnumerateFiles(Path.Combine(layout, "blobs", "sha256")))
        {
            var bytes = await File.ReadAllBytesAsync(blob);
            await store.WriteAsync(Digest.Parse("sha256:" + Path.GetFileName(blob)), bytes, CancellationToken.None);
        }

        using var index = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(layout, "index.json")));
        foreach (var entry in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            var root = Descriptor.Parse(Encoding.UTF8.GetBytes(entry.GetRawText()));
            var problems = (await ImageValidator.ValidateAsync(store, root, new ImageValidationOptions { VerifyDiffIds = true }, CancellationToken.None))
                .Where(d => d.IsError).ToList();
            Assert.True(problems.Count == 0, "ImageValidator: " + string.Join("; ", problems));
        }
    }

    /// <summary>Adds a ref name for every platform manifest to index.json (umoci unpacks by tag); returns how many.</summary>
    private static int TagPlatformManifests(string layout)
    {
        var indexPath = Path.Combine(layout, "index.json");
        var index = JsonNode.Parse(File.ReadAllBytes(indexPath))!.AsObject();
        var tagged = new JsonArray();
        Walk(index["manifests"]!.AsArray());
        foreach (var item in tagged)
        {
            index["manifests"]!.AsArray().Add(item!.DeepClone());
        }

        File.WriteAllText(indexPath, index.ToJsonString());
        return tagged.Count;

        void Walk(JsonArray descriptors)
        {
            foreach (var descriptor in descriptors.ToList())
            {
                var blob = File.ReadAllBytes(Path.Combine(layout, "blobs", "sha256", Digest.Parse(descriptor!["digest"]!.GetValue<string>()).Hex));
                var node = JsonNode.Parse(blob)!.AsObject();
                if (node["manifests"] is JsonArray nested)
                {
                    Walk(nested);
                }
                else if (descriptor["annotations"]?["vnd.docker.reference.type"] is null)
                {
                    tagged.Add(new JsonObject
                    {
                        ["mediaType"] = descriptor["mediaType"]!.DeepClone(),
                        ["digest"] = descriptor["digest"]!.DeepClone(),
                        ["size"] = descriptor["size"]!.DeepClone(),
                        ["annotations"] = new JsonObject { [RefName] = $"kiln-difftest-{tagged.Count}" },
                    });
                }
            }
        }
    }
}
