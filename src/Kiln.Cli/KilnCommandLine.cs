using System.CommandLine;
using Kiln.Cli.Commands;
using Kiln.Diagnostics;

namespace Kiln.Cli;

/// <summary>The root command: registers every verb and turns kiln errors into exit codes with readable messages.</summary>
internal static class KilnCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("kiln: build container images from Dockerfiles and bake files, without a daemon");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(ImageToolsCommand.Create());
        root.Subcommands.Add(DebugCommand.Create());
        root.Subcommands.Add(BakeCommand.Create());
        root.Subcommands.Add(ImagesCommand.Create());
        root.Subcommands.Add(ImageCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, cts.Token).ConfigureAwait(false);
    }

    /// <summary>Runs one command line in-process with its own environment variables on top of the process's (tests).</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        CliEnvironment.Use(environment); // an async method: the value flows into the command and is gone when it returns
        return await RunAsync(args, output, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one command line with the given output streams; used by Main and by tests alike.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var parse = Build().Parse(args);
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (KilnException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                await error.WriteAsync(DiagnosticRenderer.Render(d, null)).ConfigureAwait(false);
            }

            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"ERROR: {ErrorCodes.Cancelled}: cancelled").ConfigureAwait(false);
            return 130;
        }
    }
}
