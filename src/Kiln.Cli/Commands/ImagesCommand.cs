using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiln.Content.Images;
using Kiln.Diagnostics;

namespace Kiln.Cli.Commands;

/// <summary>`kiln images` (also `kiln image ls`): lists kiln's local image store as a table or as JSON lines.</summary>
internal static class ImagesCommand
{
    public static Command Create(string name = "images")
    {
        var format = new Option<string>("--format") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only show image IDs" };
        var noTrunc = new Option<bool>("--no-trunc") { Description = "Don't truncate output" };
        var root = ImageStoreOptions.Root();
        var command = new Command(name, "List images in kiln's local image store") { format, quiet, noTrunc, root };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var mode = parse.GetValue(format) ?? "table";
            if (mode is not ("table" or "json"))
            {
                throw new KilnException(ErrorCodes.InvalidArgument, $"--format {mode}: expected table or json");
            }

            var store = await ImageStoreOptions.OpenAsync(parse, root, cancellationToken).ConfigureAwait(false);
            var images = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            var text = parse.GetValue(quiet) ? Ids(images, parse.GetValue(noTrunc))
                : mode == "json" ? Json(images)
                : Table(images, parse.GetValue(noTrunc));
            await parse.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static string Id(LocalImage image, bool noTrunc) => noTrunc ? image.Root.Digest.ToString() : image.Root.Digest.Hex[..12];

    private static string Ids(IEnumerable<LocalImage> images, bool noTrunc) =>
        string.Concat(images.Select(i => Id(i, noTrunc)).Distinct().Select(id => id + "\n"));

    /// <summary>Columns as `docker images` aligns them: each at least 10 wide and 3 past its longest cell, the last unpadded.</summary>
    private static string Table(IEnumerable<LocalImage> images, bool noTrunc)
    {
        List<string[]> rows = [["REPOSITORY", "TAG", "IMAGE ID", "PLATFORMS", "SIZE"]];
        foreach (var image in images)
        {
            var platforms = image.Platforms.IsDefaultOrEmpty ? LocalImage.None : string.Join(",", image.Platforms);
            rows.Add([image.Repository, image.Tag, Id(image, noTrunc), platforms, HumanSize(image.Size)]);
        }

        var widths = Enumerable.Range(0, rows[0].Length - 1).Select(c => Math.Max(10, rows.Max(r => r[c].Length) + 3)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                sb.Append(row[c].PadRight(widths[c]));
            }

            sb.Append(row[^1]).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IEnumerable<LocalImage> images)
    {
        var sb = new StringBuilder();
        foreach (var image in images)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("Name", image.Name);
                writer.WriteString("Repository", image.Repository);
                writer.WriteString("Tag", image.Tag);
                writer.WriteString("ID", image.Root.Digest.ToString());
                writer.WriteString("MediaType", image.Root.MediaType);
                writer.WriteStartArray("Platforms");
                foreach (var platform in image.Platforms.IsDefault ? [] : image.Platforms)
                {
                    writer.WriteStringValue(platform.ToString());
                }

                writer.WriteEndArray();
                writer.WriteNumber("Size", image.Size);
                writer.WriteString("CreatedAt", image.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            sb.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Decimal units with three significant digits, as <c>docker images</c> prints sizes ("4.26MB", "123kB").</summary>
    internal static string HumanSize(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString("G3", CultureInfo.InvariantCulture) + units[unit];
    }
}
