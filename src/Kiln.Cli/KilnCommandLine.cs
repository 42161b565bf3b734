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
        root.Subcommands.Add(DebugCommand.Create());
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
        try
        {
            var parse = Build().Parse(args);
            return await parse.InvokeAsync(cancellationToken: cts.Token).ConfigureAwait(false);
        }
        catch (KilnException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                await Console.Error.WriteAsync(DiagnosticRenderer.Render(d, null)).ConfigureAwait(false);
            }

            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"ERROR: {ErrorCodes.Cancelled}: cancelled").ConfigureAwait(false);
            return 130;
        }
    }
}
