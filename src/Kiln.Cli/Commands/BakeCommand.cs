using System.Collections;
using System.CommandLine;
using System.Collections.Immutable;
using Kiln.Bake;
using Kiln.Bake.Overrides;
using Kiln.Bake.Printing;
using Kiln.Diagnostics;

namespace Kiln.Cli.Commands;

/// <summary>`kiln bake [TARGET|GROUP...] [-f FILE]... [--set K=V]... [--print] [--list=targets|variables] ...`.</summary>
internal static class BakeCommand
{
    public static Command Create()
    {
        var targets = new Argument<string[]>("TARGET") { Description = "Targets or groups to build (default: the default group)", Arity = ArgumentArity.ZeroOrMore };
        var files = new Option<string[]>("--file", "-f") { Description = "Build definition file" };
        var sets = new Option<string[]>("--set") { Description = "Override target value (e.g., targetpattern.key=value)" };
        var print = new Option<bool>("--print") { Description = "Print the options without building" };
        var list = new Option<string?>("--list") { Description = "List targets or variables (targets, variables)" };
        var push = new Option<bool>("--push") { Description = "Shorthand for \"--set=*.output=type=registry\"" };
        var load = new Option<bool>("--load") { Description = "Shorthand for \"--set=*.output=type=docker\"" };
        var noCache = new Option<bool?>("--no-cache") { Description = "Do not use cache when building the image", Arity = ArgumentArity.ZeroOrOne };
        var pull = new Option<bool?>("--pull") { Description = "Always attempt to pull all referenced images", Arity = ArgumentArity.ZeroOrOne };
        var progress = new Option<string?>("--progress") { Description = "Set type of progress output (auto, plain, tty, rawjson, quiet)" };
        var metadata = new Option<string?>("--metadata-file") { Description = "Write build result metadata to the file" };
        var provenance = new Option<string?>("--provenance") { Description = "Shorthand for \"--set=*.attest=type=provenance\"" };
        var sbom = new Option<string?>("--sbom") { Description = "Shorthand for \"--set=*.attest=type=sbom\"" };
        var command = new Command("bake", "Build from a file")
        {
            targets, files, sets, print, list, push, load, noCache, pull, progress, metadata, provenance, sbom,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BakeCommandOptions(
                [.. parse.GetValue(targets) ?? []],
                [.. parse.GetValue(files) ?? []],
                BakeShorthands.Expand(
                    parse.GetValue(sets) ?? [],
                    parse.GetValue(push),
                    parse.GetValue(load),
                    parse.GetResult(noCache) is null ? null : parse.GetValue(noCache) ?? true,
                    parse.GetResult(pull) is null ? null : parse.GetValue(pull) ?? true,
                    parse.GetValue(sbom),
                    parse.GetValue(provenance)),
                parse.GetValue(print),
                parse.GetValue(list));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return await RunAsync(options, Environment.CurrentDirectory, ProcessEnvironment(), output, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs bake with explicit inputs; returns the exit code. Errors print with their source snippets.</summary>
    public static async Task<int> RunAsync(
        BakeCommandOptions options,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var request = new BakeRequest(options.Files, options.Targets, options.Overrides, workingDirectory, environment);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.List is { } list)
            {
                await output.WriteAsync(BakeLister.List(request, list)).ConfigureAwait(false);
                return 0;
            }

            var result = BakeLoader.Load(request);
            foreach (var warning in result.Warnings)
            {
                await error.WriteAsync(DiagnosticRenderer.Render(warning, SourceOf(warning, workingDirectory))).ConfigureAwait(false);
            }

            if (!options.Print)
            {
                throw new KilnException(ErrorCodes.BakeBuildNotAvailable,
                    "building bake targets is not available yet: use --print to see the resolved plan or --list to list targets");
            }

            await output.WriteAsync(BakePrinter.Print(result.Plan)).ConfigureAwait(false);
            return 0;
        }
        catch (KilnException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                await error.WriteAsync(DiagnosticRenderer.Render(d, SourceOf(d, workingDirectory))).ConfigureAwait(false);
            }

            return 1;
        }
    }

    private static string? SourceOf(Diagnostic diagnostic, string workingDirectory)
    {
        var file = diagnostic.Span?.File;
        var path = file is null || file == "-" ? null : Path.Combine(workingDirectory, file);
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static Dictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        return result;
    }
}
