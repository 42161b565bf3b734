using System.Collections.Immutable;
using Kiln.Build;
using Kiln.Diagnostics;
using Kiln.Exec;
using Kiln.Exec.Mounts;
using Kiln.Oci;
using Kiln.Solver;

namespace Kiln.Cli.Building;

/// <summary>Turns build flags into a <see cref="BuildRequest"/>: reads the Dockerfile (a file or stdin) and parses every value.</summary>
internal static class BuildRequests
{
    public static async Task<BuildRequest> CreateAsync(
        NamedBuild build, string workingDirectory, Func<string, string?> getEnvironmentVariable, TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var (name, flags) = (build.Name, build.Flags);
        var fromStdin = flags.Context == "-";
        var contextDirectory = fromStdin ? EmptyContext() : Path.GetFullPath(flags.Context, workingDirectory);
        if (!Directory.Exists(contextDirectory))
        {
            throw new KilnException(ErrorCodes.ContextNotFound, $"unable to prepare context: path \"{flags.Context}\" not found");
        }

        string dockerfile;
        string? dockerfilePath = null;
        if (flags.DockerfileInline is { } inline)
        {
            dockerfile = inline;
        }
        else if (flags.File == "-" || (fromStdin && flags.File is null))
        {
            dockerfile = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            dockerfilePath = flags.File is null ? Path.Combine(contextDirectory, "Dockerfile") : Path.GetFullPath(flags.File, workingDirectory);
            if (!File.Exists(dockerfilePath))
            {
                throw new KilnException(ErrorCodes.DockerfileNotFound, $"failed to read dockerfile: open {dockerfilePath}: no such file or directory");
            }

            dockerfile = await File.ReadAllTextAsync(dockerfilePath, cancellationToken).ConfigureAwait(false);
        }

        if (flags.Network is { Length: > 0 } network && network is not ("default" or "none" or "host"))
        {
            throw new KilnException(ErrorCodes.InvalidArgument, $"invalid --network value \"{network}\": use default, none or host");
        }

        var entitlements = Entitlements.Parse(flags.Allow, out var invalid);
        if (!invalid.IsEmpty)
        {
            throw new KilnException(invalid);
        }

        return new BuildRequest
        {
            Name = name,
            WorkingDirectory = workingDirectory,
            ContextDirectory = contextDirectory,
            Dockerfile = dockerfile,
            DockerfileName = dockerfilePath is null ? "Dockerfile" : Path.GetFileName(dockerfilePath),
            DockerfilePath = dockerfilePath,
            BuildArgs = ParseBuildArgs(flags.BuildArgs, getEnvironmentVariable),
            Target = string.IsNullOrEmpty(flags.Target) ? null : flags.Target,
            Platforms = ParsePlatforms(flags.Platforms),
            NamedContexts = ParsePairs(flags.BuildContexts, "build-context"),
            Network = string.IsNullOrEmpty(flags.Network) ? null : flags.Network,
            Labels = ParsePairs(flags.Labels, "label", allowEmptyValue: true),
            Session = new ExecSession(
                entitlements,
                SecretStore.Create(flags.Secrets.Select(s => SecretSource.Parse(s)), getEnvironmentVariable),
                SshAgentStore.Create(flags.Ssh.Select(s => SshSource.Parse(s)), getEnvironmentVariable)),
            Cache = new SolveOptions
            {
                NoCache = flags.NoCache,
                NoCacheFilter = [.. flags.NoCacheFilter.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            },
        };
    }

    /// <summary>KEY=VALUE pairs; a bare KEY takes its value from the environment, as buildx does, and is dropped when unset.</summary>
    public static ImmutableDictionary<string, string> ParseBuildArgs(IEnumerable<string> values, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
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
            else if (getEnvironmentVariable(value) is { } fromEnvironment)
            {
                args[value] = fromEnvironment;
            }
        }

        return args.ToImmutable();
    }

    /// <summary>Every --platform value, comma lists split, normalised and de-duplicated in order.</summary>
    public static ImmutableArray<Platform> ParsePlatforms(IEnumerable<string> values)
    {
        var platforms = new List<Platform>();
        foreach (var text in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var platform = Platform.ParseSpecifier(text, Platform.Current).Normalize();
            if (!platforms.Contains(platform))
            {
                platforms.Add(platform);
            }
        }

        return [.. platforms];
    }

    private static ImmutableDictionary<string, string> ParsePairs(IEnumerable<string> values, string flag, bool allowEmptyValue = false)
    {
        var pairs = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || (!allowEmptyValue && eq == value.Length - 1))
            {
                throw new KilnException(ErrorCodes.InvalidArgument, $"invalid --{flag} value \"{value}\": expected NAME=VALUE");
            }

            pairs[value[..eq]] = value[(eq + 1)..];
        }

        return pairs.ToImmutable();
    }

    private static string EmptyContext()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kiln-empty-context");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
