using System.Collections.Immutable;
using System.CommandLine;
using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Checks;
using Kiln.Oci;

namespace Kiln.Cli.Commands;

/// <summary>
/// `kiln build [--check | --call=check] [-f FILE] [--build-arg K=V]... [--target T] [--platform P] CONTEXT`.
/// Only the check call exists so far: it prints BuildKit's build-check warnings like buildx; building itself
/// fails with KILN1542 until the builder is wired in.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var context = new Argument<string>("PATH") { Description = "Build context directory" };
        var file = new Option<string?>("--file", "-f") { Description = "Name of the Dockerfile (default: \"PATH/Dockerfile\")" };
        var buildArgs = new Option<string[]>("--build-arg") { Description = "Set build-time variables" };
        var target = new Option<string?>("--target") { Description = "Set the target build stage to build" };
        var platform = new Option<string?>("--platform") { Description = "Set target platform for build" };
        var check = new Option<bool>("--check") { Description = "Shorthand for \"--call=check\"" };
        var call = new Option<string?>("--call") { Description = "Set method for evaluating build (\"check\")" };
        var command = new Command("build", "Start a build") { context, file, buildArgs, target, platform, check, call };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var method = parse.GetValue(check) ? "check" : parse.GetValue(call) ?? "build";
            if (method != "check")
            {
                throw method == "build"
                    ? new KilnException(ErrorCodes.BuildNotAvailable, "building images is not available yet: only `kiln build --check` (--call=check) works")
                    : new KilnException(ErrorCodes.NotSupported, $"--call={method} is not supported yet: only --call=check is");
            }

            var request = new CheckRequest(
                parse.GetValue(context)!,
                parse.GetValue(file),
                ParseBuildArgs(parse.GetValue(buildArgs) ?? []),
                parse.GetValue(target),
                ParsePlatform(parse.GetValue(platform)));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return await RunCheckAsync(request, output, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
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

    /// <summary>KEY=VALUE pairs; a bare KEY takes its value from the environment, as buildx does, and is dropped when unset.</summary>
    public static ImmutableDictionary<string, string> ParseBuildArgs(IEnumerable<string> values)
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                args[value[..eq]] = value[(eq + 1)..];
            }
            else if (eq == 0)
            {
                throw new KilnException(ErrorCodes.InvalidArgument, $"invalid build-arg \"{value}\": the name is empty");
            }
            else if (Environment.GetEnvironmentVariable(value) is { } fromEnvironment)
            {
                args[value] = fromEnvironment;
            }
        }

        return args.ToImmutable();
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
