using System.Diagnostics;
using System.Formats.Tar;
using System.Text.Json;

namespace Kiln.DifferentialTests.Dockerfile;

/// <summary>
/// Builds a context folder with the reference BuildKit (<c>docker buildx build --output type=oci</c>) and returns
/// the config bytes of each platform's image, in index order.
/// </summary>
internal static class ReferenceOciBuild
{
    public static async Task<List<byte[]>> BuildConfigsAsync(string contextDir, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), $"kiln-convert-{Guid.NewGuid():N}.tar");
        try
        {
            var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["buildx", "build", "--progress=plain", "--output", $"type=oci,dest={output}", .. flags, contextDir])
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
                Assert.Fail($"docker is not available ({ex.Message}): run scripts/setup.sh to install the reference BuildKit");
                throw;
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                var log = await stdout + await stderr;
                Assert.True(process.ExitCode == 0, $"reference build failed (run scripts/setup.sh oracle if dockerd is down):\n{log}");
            }

            return ReadConfigs(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static List<byte[]> ReadConfigs(string ociTar)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var reader = new TarReader(File.OpenRead(ociTar)))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is not { } data)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                data.CopyTo(buffer);
                files[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
            }
        }

        var configs = new List<byte[]>();
        using var index = JsonDocument.Parse(files["index.json"]);
        Collect(index.RootElement);
        return configs;

        void Collect(JsonElement list)
        {
            foreach (var descriptor in list.GetProperty("manifests").EnumerateArray())
            {
                if (descriptor.TryGetProperty("annotations", out var a) && a.TryGetProperty("vnd.docker.reference.type", out _))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(files[Blob(descriptor)]);
                if (doc.RootElement.TryGetProperty("manifests", out _))
                {
                    Collect(doc.RootElement);
                }
                else
                {
                    configs.Add(files[Blob(doc.RootElement.GetProperty("config"))]);
                }
            }
        }

        static string Blob(JsonElement descriptor) => "blobs/sha256/" + descriptor.GetProperty("digest").GetString()!["sha256:".Length..];
    }
}
