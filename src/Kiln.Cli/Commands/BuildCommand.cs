using System.Collections.Immutable;
using System.CommandLine;
using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Checks;
using Kiln.Cli.Building;
using Kiln.Content;
using Kiln.Oci;

namespace Kiln.Cli.Commands;

/// <summary>
/// `kiln build [buildx flags] CONTEXT`: builds (<see cref="BuildInvocation"/>), or with --check / --call=check prints
/// BuildKit's build-check warnings like buildx.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var line = new BuildCommandLine();
        line.Command.SetAction(async (parse, cancellationToken) =>
        {
            var flags = line.Flags(parse);
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var method = line.Method(parse);
            if (method == "check")
            {
                var request = new CheckRequest(
                    flags.Context,
                    flags.File,
                    BuildRequests.ParseBuildArgs(flags.BuildArgs, CliEnvironment.Variables),
                    flags.Target,
                    ParsePlatform(string.Join(',', flags.Platforms)));
                return await RunCheckAsync(request, output, error, cancellationToken).ConfigureAwait(false);
            }

            if (method != "build")
            {
                throw new KilnException(ErrorCodes.NotSupported, $"--call={method} is not supported: use build or check");
            }

            var invocation = new BuildInvocation(
                CliEnvironment.Paths, Environment.CurrentDirectory, CliEnvironment.Variables, Console.In, output, error);
            return await invocation.RunAsync(flags, cancellationToken).ConfigureAwait(false);
        });
        return line.Command;
    }

    /// <summary>Runs the checks and prints them; returns 1 when the Dockerfile has errors or a check is configured as an error.</summary>
    public static async Task<int> RunCheckAsync(CheckRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.ContextPath))
        {
            throw new KilnException(ErrorCodes.InvalidArgument, $"unable to prepare context: path \"{request.ContextPath}\" not found");
        }

        var path = request.DockerfilePath ?? Path.Combine(request.ContextPath, "Dockerfile");
        if (path == "-")
        {
            throw new KilnException(ErrorCodes.NotSupported, "reading the Dockerfile from stdin is not supported yet");
        }

        if (!File.Exists(path))
        {
            throw new KilnException(ErrorCodes.InvalidArgument, $"failed to read dockerfile: open {path}: no such file or directory");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var options = new CheckOptions
        {
            BuildArgs = request.BuildArgs,
            Target = request.Target,
            TargetPlatform = request.Platform,
            IsIgnored = await LoadIgnoreRulesAsync(request.ContextPath, path, cancellationToken).ConfigureAwait(false),
        };
        var result = DockerfileChecker.Check(text, Path.GetFileName(path), options);
        if (!result.Warnings.IsEmpty)
        {
            await output.WriteAsync(CheckRenderer.Summary(result.Warnings.Length)).ConfigureAwait(false);
            await output.WriteAsync(CheckRenderer.RenderWarnings(result)).ConfigureAwait(false);
        }
        else if (!result.Failed)
        {
            await output.WriteAsync(CheckRenderer.Summary(0)).ConfigureAwait(false);
        }

        if (!result.Failed)
        {
            return 0;
        }

        if (!result.Warnings.IsEmpty)
        {
            await error.WriteLineAsync().ConfigureAwait(false);
        }

        foreach (var diagnostic in result.Errors)
        {
            await error.WriteAsync(DiagnosticRenderer.Render(diagnostic, result.Text)).ConfigureAwait(false);
        }

        return 1;
    }

    /// <summary>
    /// The context's ignore rules for CopyIgnoredFile: <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile
    /// wins over <c>CONTEXT/.dockerignore</c>, as in buildx; null when there is neither.
    /// </summary>
    private static async Task<Func<string, bool>?> LoadIgnoreRulesAsync(string contextPath, string dockerfilePath, CancellationToken cancellationToken)
    {
        var path = new[] { dockerfilePath + ".dockerignore", Path.Combine(contextPath, ".dockerignore") }.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var matcher = DockerignoreReader.Parse(text, Path.GetFileName(path), out var diagnostics);
        if (diagnostics.Any(d => d.IsError))
        {
            throw new KilnException(diagnostics);
        }

        return matcher.IsEmpty ? null : matcher.IsExcluded;
    }

    private static Platform? ParsePlatform(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains(',', StringComparison.Ordinal))
        {
            throw new KilnException(ErrorCodes.NotSupported, "checking for several platforms at once is not supported yet");
        }

        return Platform.ParseSpecifier(value, Platform.Current);
    }
}
