using System.CommandLine;
using System.Text;
using Kiln.Cli.Rendering;
using Kiln.Diagnostics;
using Kiln.ImageTools;
using Kiln.Oci;

namespace Kiln.Cli.Commands;

/// <summary>`kiln imagetools inspect NAME [--raw] [--format TEMPLATE]`.</summary>
internal static class ImageToolsInspectCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Image reference (tag or digest)" };
        var raw = new Option<bool>("--raw") { Description = "Show original, unformatted JSON manifest" };
        var format = new Option<string?>("--format") { Description = "Format the output using the given Go template" };
        var command = new Command("inspect", "Show details of an image in the registry") { name, raw, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(name)!;
            var template = parse.GetValue(format);
            var wantRaw = parse.GetValue(raw);
            if (wantRaw && !string.IsNullOrEmpty(template))
            {
                throw new KilnException(ErrorCodes.InvalidArgument, "--format is incompatible with --raw");
            }

            var compiled = string.IsNullOrEmpty(template) || template.StartsWith("{{.Manifest", StringComparison.Ordinal)
                ? null
                : GoTemplate.Parse(template);
            var reference = Reference.Parse(text).WithDefaultTag();
            using var registry = CliEnvironment.CreateRegistryClient();
            var inspection = await new ImageInspector(registry)
                .InspectAsync(reference, withConfigs: compiled is not null, cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (wantRaw)
            {
                await output.WriteAsync(Encoding.UTF8.GetString(inspection.Root.Bytes.Span)).ConfigureAwait(false);
                return 0;
            }

            var rendered = compiled is null
                ? InspectPrinter.Table(inspection)
                : compiled.Execute(InspectPrinter.TemplateData(text, inspection));
            await output.WriteAsync(rendered).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
