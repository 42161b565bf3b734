using System.Diagnostics;
using System.Formats.Tar;
using System.Text.Json;

namespace Kiln.DifferentialTests.Shell;

/// <summary>
/// Builds a Dockerfile with the reference BuildKit (<c>docker buildx build --no-cache --output type=oci</c>)
/// and returns the image config of the single-platform result.
/// </summary>
internal static class ReferenceImageBuild
{
    public static async Task<JsonDocument> BuildConfigAsync(
        string dockerfile, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("kiln-shell-diff-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "Dockerfile"), dockerfile, cancellationToken);
            var output = Path.Combine(dir.FullName, "image.tar");
            string[] arguments =
            [
                "buildx", "build", "--no-cache", "--progress=plain",
                "--output", $"type=oci,dest={output}", .. extraArguments, dir.FullName,
            ];
            var (exitCode, log) = await RunAsync("docker", arguments, cancellationToken);
            Assert.True(exitCode == 0, $"reference build failed ({exitCode}):\n{log}");
            return ReadConfig(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static JsonDocument ReadConfig(string ociTar)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var reader = new TarReader(File.OpenRead(ociTar)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                files[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
            }
        }

        using var index = JsonDocument.Parse(files["index.json"]);
        var manifestDigest = index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        using var manifest = JsonDocument.Parse(files[BlobPath(manifestDigest)]);
        var configDigest = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        return JsonDocument.Parse(files[BlobPath(configDigest)]);
    }

    private static string BlobPath(string digest) => "blobs/sha256/" + digest["sha256:".Length..];

    private static async Task<(int ExitCode, string Log)> RunAsync(
        string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"'{fileName}' is not available ({ex.Message}): run scripts/setup.sh to install the reference BuildKit");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var log = await stdout + await stderr;
            if (process.ExitCode != 0 && log.Contains("Cannot connect to the Docker daemon", StringComparison.Ordinal))
            {
                Assert.Fail($"dockerd is not running: run scripts/setup.sh oracle\n{log}");
            }

            return (process.ExitCode, log);
        }
    }
}
