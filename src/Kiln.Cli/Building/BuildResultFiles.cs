using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Export;

namespace Kiln.Cli.Building;

/// <summary>
/// <c>--iidfile</c> (the image's root digest) and <c>--metadata-file</c> (buildx's keys; a bake's keyed by target), written
/// only after every output succeeded.
/// </summary>
internal static class BuildResultFiles
{
    public const string BuildRefKey = "buildx.build.ref";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(
        ImmutableArray<NamedBuild> builds, IReadOnlyList<ExportResult> results, string? bakeMetadataFile, CancellationToken cancellationToken)
    {
        var bake = builds.Length != 1 || builds[0].Name.Length > 0;
        var all = new JsonObject();
        for (var i = 0; i < builds.Length; i++)
        {
            var flags = builds[i].Flags;
            var metadata = results[i].Metadata();
            metadata[BuildRefKey] = $"kiln/local/{Guid.NewGuid():N}";
            if (flags.IidFile is { } iidFile && results[i].Root is { } root)
            {
                await File.WriteAllTextAsync(iidFile, root.Digest.ToString(), cancellationToken).ConfigureAwait(false);
            }

            if (!bake && flags.MetadataFile is { } file)
            {
                await WriteJsonAsync(file, metadata, cancellationToken).ConfigureAwait(false);
            }

            all[builds[i].Name] = metadata;
        }

        if (bake && bakeMetadataFile is not null)
        {
            await WriteJsonAsync(bakeMetadataFile, all, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteJsonAsync(string path, JsonNode node, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, node.ToJsonString(Indented), cancellationToken);
}
