using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiln.ImageTools;
using Kiln.Oci;

namespace Kiln.Cli.Commands;

/// <summary>`kiln imagetools create [-t TAG]... [--append] [--dry-run] [--annotation A]... [-f FILE]... SOURCE...`.</summary>
internal static class ImageToolsCreateCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("SOURCE") { Arity = ArgumentArity.ZeroOrMore, Description = "Source images (tag or digest references)" };
        var tags = new Option<string[]>("--tag", "-t") { Description = "Set reference for new image" };
        var files = new Option<string[]>("--file", "-f") { Description = "Read source descriptor from file" };
        var annotations = new Option<string[]>("--annotation") { Description = "Add annotation to the image" };
        var append = new Option<bool>("--append") { Description = "Append to existing manifest" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show final image instead of pushing" };
        var progress = new Option<string>("--progress") { Description = "Set type of progress output (auto, plain, tty)", DefaultValueFactory = _ => "auto" };
        var command = new Command("create", "Create a new image based on source images")
        {
            sources, tags, files, annotations, append, dryRun, progress,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new CreateRequest(
                [.. parse.GetValue(sources) ?? []],
                [.. parse.GetValue(files) ?? []],
                [.. (parse.GetValue(tags) ?? []).Select(Reference.Parse)],
                [.. (parse.GetValue(annotations) ?? []).Select(AnnotationSpec.Parse)],
                parse.GetValue(append),
                parse.GetValue(dryRun));
            if (request.Sources.IsEmpty && request.SourceFiles.IsEmpty)
            {
                throw new Diagnostics.KilnException(Diagnostics.ErrorCodes.InvalidArgument, "imagetools create needs at least one source");
            }

            var error = parse.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();
            var header = request.DryRun ? null : $"#1 [internal] pushing {string.Join(", ", request.Tags)}";
            if (header is not null)
            {
                await error.WriteLineAsync(header).ConfigureAwait(false);
            }

            void Log(string line)
            {
                lock (error)
                {
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#1 {clock.Elapsed.TotalSeconds:0.000} {line}"));
                }
            }

            using var registry = CliEnvironment.CreateRegistryClient();
            var result = await new ImageToolsCreator(registry, Log).CreateAsync(request, cancellationToken).ConfigureAwait(false);
            if (request.DryRun)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(Encoding.UTF8.GetString(result.Bytes)).ConfigureAwait(false);
                return 0;
            }

            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"#1 DONE {clock.Elapsed.TotalSeconds:0.0}s")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
