using System.Text;
using System.Text.Json.Nodes;
using Kiln.ImageTools;
using Kiln.Oci;

namespace Kiln.Cli.Rendering;

/// <summary>Prints an <see cref="ImageInspection"/> as `buildx imagetools inspect` does: a table, raw bytes or a template.</summary>
internal static class InspectPrinter
{
    private const string Indent = "  ";

    public static string Table(ImageInspection inspection)
    {
        var sb = new StringBuilder();
        var top = new TabWriter();
        top.WriteLine($"Name:\t{inspection.Reference}");
        top.WriteLine($"MediaType:\t{inspection.Root.MediaType}");
        top.WriteLine($"Digest:\t{inspection.Root.Digest}");
        sb.Append(top.Flush());
        if (inspection.Document.Index is { } index)
        {
            AppendManifests(sb, inspection.Reference, index);
        }

        return sb.ToString();
    }

    /// <summary>The data a --format template sees: name, manifest and image, with buildx's JSON shapes.</summary>
    public static JsonObject TemplateData(string name, ImageInspection inspection)
    {
        var data = new JsonObject { ["name"] = name };
        var root = inspection.Root.Descriptor;
        if (inspection.Document.Index is { } index)
        {
            var manifest = new JsonObject
            {
                ["schemaVersion"] = ImageIndex.SchemaVersion,
                ["mediaType"] = index.MediaType,
                ["digest"] = root.Digest.ToString(),
                ["size"] = root.Size,
                ["manifests"] = new JsonArray([.. index.Manifests.Select(d => ToNode(d.ToBytes()))]),
            };
            if (index.Annotations.Count > 0)
            {
                manifest["annotations"] = new JsonObject(index.Annotations.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
            }

            data["manifest"] = manifest;
        }
        else
        {
            data["manifest"] = ToNode(new Descriptor(root.MediaType, root.Digest, root.Size).ToBytes());
        }

        if (inspection.Configs.Length == 1)
        {
            data["image"] = ToNode(inspection.Configs[0].Config.ToBytes());
        }
        else if (inspection.Configs.Length > 1)
        {
            var images = new JsonObject();
            // Go prints map keys sorted.
            foreach (var (platform, config) in inspection.Configs.OrderBy(c => c.Platform.ToString(), StringComparer.Ordinal))
            {
                images[platform.ToString()] = ToNode(config.ToBytes());
            }

            data["image"] = images;
        }

        return data;
    }

    private static void AppendManifests(StringBuilder sb, Reference reference, ImageIndex index)
    {
        var head = new TabWriter();
        head.WriteLine("\t");
        head.WriteLine("Manifests:\t");
        sb.Append(head.Flush());
        var w = new TabWriter();
        for (var i = 0; i < index.Manifests.Length; i++)
        {
            var m = index.Manifests[i];
            if (i != 0)
            {
                w.WriteLine("\t");
            }

            w.WriteLine($"{Indent}Name:\t{reference.WithoutTagOrDigest()}{TagPart(reference)}@{m.Digest}");
            w.WriteLine($"{Indent}MediaType:\t{m.MediaType}");
            if (m.Platform is not { } p)
            {
                continue;
            }

            w.WriteLine($"{Indent}Platform:\t{p}");
            if (p.OSVersion is not null)
            {
                w.WriteLine($"{Indent}OSVersion:\t{p.OSVersion}");
            }

            if (!p.OSFeatures.IsDefaultOrEmpty)
            {
                w.WriteLine($"{Indent}OSFeatures:\t{string.Join(", ", p.OSFeatures)}");
            }

            if (!m.Urls.IsDefaultOrEmpty)
            {
                w.WriteLine($"{Indent}URLs:\t{string.Join(", ", m.Urls)}");
            }

            if (m.Annotations.Count > 0)
            {
                w.WriteLine($"{Indent}Annotations:\t");
                sb.Append(w.Flush());
                var annotations = new TabWriter();
                foreach (var (key, value) in m.Annotations)
                {
                    annotations.WriteLine($"{Indent}{Indent}{key}:\t{value}");
                }

                sb.Append(annotations.Flush());
            }
        }

        sb.Append(w.Flush());
    }

    private static string TagPart(Reference reference) => reference.Tag is null ? "" : ":" + reference.Tag;

    private static JsonNode ToNode(byte[] json) => JsonNode.Parse(json)!;
}
