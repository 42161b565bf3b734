using System.Collections;
using System.CommandLine;
using System.Collections.Immutable;
using Kiln.Bake;
using Kiln.Bake.Overrides;
using Kiln.Bake.Printing;
using Kiln.Cli.Building;
using Kiln.Content;
using Kiln.Diagnostics;

namespace Kiln.Cli.Commands;

/// <summary>`kiln bake [TARGET|GROUP...] [-f FILE]... [--set K=V]... [--print] [--list=targets|variables] ...`.</summary>
internal static class BakeCommand
{
    public static Command Create()
    {
        var line = new BakeCommandLine();
        line.Command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            BakeCommandOptions options;
            try
            {
                options = line.Options(parse);
            }
            catch (KilnException ex)
            {
                await error.WriteAsync(DiagnosticRenderer.Render(ex.Diagnostics[0], null)).ConfigureAwait(false);
                return 1;
            }

            return await RunAsync(options, Environment.CurrentDirectory, ProcessEnvironment(), output, error, cancellationToken).ConfigureAwait(false);
        });
        return line.Command;
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

            if (options.Print)
            {
                await output.WriteAsync(BakePrinter.Print(result.Plan)).ConfigureAwait(false);
                return 0;
            }

            var invocation = new BuildInvocation(
                CliEnvironment.Paths, workingDirectory, k => environment.GetValueOrDefault(k) ?? CliEnvironment.Variables(k), TextReader.Null, output, error);
            return await invocation.RunAsync(BakeBuilds.From(result.Plan), options.Progress, quiet: false, options.MetadataFile, cancellationToken).ConfigureAwait(false);
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
