using System.Diagnostics;

namespace Kiln.DifferentialTests.Context;

/// <summary>Runs the reference <c>docker buildx build</c> and lists what a local export wrote.</summary>
internal static class BuildxRunner
{
    public static async Task BuildToLocalAsync(string dockerfile, string contextDir, string outputDir, IEnumerable<(string Name, string Dir)> namedContexts)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "buildx", "build", "-q", "--no-cache", "-f", dockerfile, "-o", $"type=local,dest={outputDir}" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, dir) in namedContexts)
        {
            start.ArgumentList.Add("--build-context");
            start.ArgumentList.Add($"{name}={dir}");
        }

        start.ArgumentList.Add(contextDir);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("docker is not installed; run scripts/setup.sh", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            Assert.True(process.ExitCode == 0, $"docker buildx build failed (is dockerd running? see scripts/setup.sh): {await stderr.ConfigureAwait(false)}");
        }
    }

    /// <summary>Every path under <paramref name="root"/> (files, directories, symlinks), slash-separated and sorted; symlinks are not followed.</summary>
    public static List<string> ListTree(string root)
    {
        var paths = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        while (pending.Count > 0)
        {
            foreach (var info in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos("*", options))
            {
                paths.Add(Path.GetRelativePath(root, info.FullName).Replace('\\', '/'));
                if (info is DirectoryInfo && info.LinkTarget is null)
                {
                    pending.Push(info.FullName);
                }
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
