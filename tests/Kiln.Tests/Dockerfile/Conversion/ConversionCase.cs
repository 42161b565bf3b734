using System.Collections.Immutable;
using Kiln.Dockerfile.Conversion;
using Kiln.Oci;

namespace Kiln.Tests.Dockerfile.Conversion;

/// <summary>
/// One golden conversion case folder: Dockerfile plus an optional args file of buildx flags, one per line
/// (<c>--build-arg K=V</c>, <c>--target T</c>, <c>--platform a,b</c>, <c>--label K=V</c>,
/// <c>--build-context name=docker-image://REF</c> or <c>name=DIR</c>).
/// </summary>
internal sealed record ConversionCase(string Directory, string Dockerfile, ImmutableArray<string> Flags)
{
    public static ConversionCase Load(string directory)
    {
        var args = Path.Combine(directory, "args");
        var flags = File.Exists(args)
            ? File.ReadAllLines(args).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToImmutableArray()
            : [];
        return new ConversionCase(directory, File.ReadAllText(Path.Combine(directory, "Dockerfile")), flags);
    }

    /// <summary>The flags as separate command-line arguments for docker buildx.</summary>
    public IEnumerable<string> CommandLine() => Flags.SelectMany(f => f.Split(' ', 2));

    public ConversionRequest ToRequest(BaseImageConfigProvider provider)
    {
        var request = new ConversionRequest(Dockerfile, provider);
        foreach (var flag in Flags)
        {
            var (name, value) = flag.Split(' ', 2) is [var n, var v] ? (n, v) : (flag, "");
            var (key, item) = value.Split('=', 2) is [var k, var i] ? (k, i) : (value, "");
            request = name switch
            {
                "--build-arg" => request with { BuildArgs = request.BuildArgs.SetItem(key, item) },
                "--label" => request with { Labels = request.Labels.SetItem(key, item) },
                "--target" => request with { Target = value },
                "--platform" => request with { TargetPlatforms = [.. value.Split(',').Select(Platform.Parse)] },
                "--build-context" => request with
                {
                    NamedContexts = request.NamedContexts.SetItem(key, item.StartsWith("docker-image://", StringComparison.Ordinal)
                        ? NamedContext.ForImage(Reference.Parse(item["docker-image://".Length..]))
                        : NamedContext.Local(key)),
                },
                _ => throw new InvalidOperationException($"unknown flag in args: {flag}"),
            };
        }

        return request;
    }
}
