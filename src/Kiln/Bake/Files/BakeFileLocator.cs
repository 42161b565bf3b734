using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Files;

/// <summary>
/// Finds the files to read: those given with <c>-f</c> (in order; <c>-</c> is stdin), else those in BUILDX_BAKE_FILE,
/// else every default name that exists, in buildx's order.
/// </summary>
internal static class BakeFileLocator
{
    /// <summary>The default names, read in this order when present (buildx 0.13.1 reads no Compose override files).</summary>
    public static ImmutableArray<string> DefaultNames { get; } =
    [
        "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
        "docker-bake.json", "docker-bake.override.json", "docker-bake.hcl", "docker-bake.override.hcl",
    ];

    public static ImmutableArray<BakeFile> Read(
        IReadOnlyList<string> names,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Func<string>? readStdin = null)
    {
        var explicitNames = names.Count > 0 ? names : FromEnvironment(environment);
        if (explicitNames.Count == 0)
        {
            var found = DefaultNames.Where(n => File.Exists(Path.Combine(workingDirectory, n)))
                .Select(n => new BakeFile(n, File.ReadAllText(Path.Combine(workingDirectory, n))))
                .ToImmutableArray();
            return found.IsEmpty
                ? throw new KilnException(ErrorCodes.BakeFileNotFound, $"couldn't find a bake definition: none of {string.Join(", ", DefaultNames)} in {workingDirectory}")
                : found;
        }

        var files = ImmutableArray.CreateBuilder<BakeFile>(explicitNames.Count);
        foreach (var name in explicitNames)
        {
            if (name == "-")
            {
                files.Add(new BakeFile("-", readStdin?.Invoke() ?? Console.In.ReadToEnd()));
                continue;
            }

            var path = Path.Combine(workingDirectory, name);
            if (!File.Exists(path))
            {
                throw new KilnException(ErrorCodes.BakeFileNotFound, $"failed to read {name}: no such file");
            }

            files.Add(new BakeFile(name, File.ReadAllText(path)));
        }

        return files.MoveToImmutable();
    }

    private static IReadOnlyList<string> FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        if (!environment.TryGetValue("BUILDX_BAKE_FILE", out var value) || value.Length == 0)
        {
            return [];
        }

        var separator = environment.GetValueOrDefault("BUILDX_BAKE_FILE_SEPARATOR") is { Length: > 0 } s ? s : ":";
        return value.Split(separator, StringSplitOptions.RemoveEmptyEntries);
    }
}
