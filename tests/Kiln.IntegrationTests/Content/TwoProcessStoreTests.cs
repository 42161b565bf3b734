using System.Diagnostics;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Oci;
using Kiln.TestHost;

namespace Kiln.IntegrationTests.Content;

/// <summary>
/// Real separate processes (Kiln.TestHost) share one kiln root: both ingest the same blobs and their own blobs and
/// write the metadata database at once; afterwards every blob verifies, nothing is left in ingest and no row is lost.
/// </summary>
public sealed class TwoProcessStoreTests : IDisposable
{
    private const int SharedBlobs = 24;
    private const int OwnBlobs = 30;
    private readonly string root = Path.Combine(Path.GetTempPath(), "kiln-it", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task TwoProcessesShareOneRootWithoutCorruption()
    {
        var workers = Enumerable.Range(1, 2).Select(StartWorker).ToArray();
        try
        {
            // Both processes are up and waiting before either starts, so their work overlaps.
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync());
            }

            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("go");
                await worker.StandardInput.FlushAsync();
            }

            foreach (var worker in workers)
            {
                var outputTask = worker.StandardOutput.ReadToEndAsync();
                var errors = await worker.StandardError.ReadToEndAsync();
                var output = await outputTask;
                await worker.WaitForExitAsync();
                Assert.True(worker.ExitCode == 0, $"worker exited {worker.ExitCode}: {errors}");
                Assert.Equal("done", output.Trim());
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill();
                }

                worker.Dispose();
            }
        }

        var paths = new KilnPaths(root);
        var store = new ContentStore(paths);
        var expected = Enumerable.Range(0, SharedBlobs).Select(StoreRace.SharedBlob)
            .Concat(Enumerable.Range(1, 2).SelectMany(w => Enumerable.Range(0, OwnBlobs).Select(i => StoreRace.OwnBlob(w, i))))
            .Select(b => new ContentInfo(Digest.Sha256(b), b.Length))
            .OrderBy(i => i.Digest)
            .ToList();
        var walked = new List<ContentInfo>();
        await foreach (var info in store.WalkAsync(CancellationToken.None))
        {
            walked.Add(info);
            Assert.True(await store.VerifyAsync(info.Digest, CancellationToken.None), $"{info.Digest} is damaged");
        }

        Assert.Equal(expected, walked.OrderBy(i => i.Digest).ToList());
        Assert.Empty(Directory.GetFiles(paths.IngestDirectory));

        var db = await MetadataDatabase.OpenAsync(paths, CancellationToken.None);
        Assert.Equal<string>(["ok"], await db.CheckIntegrityAsync(CancellationToken.None));
        var images = await new ImageTable(db).ListAsync(CancellationToken.None);
        Assert.Equal(SharedBlobs + 2 * OwnBlobs, images.Length);
        Assert.All(images, i => Assert.Contains(new ContentInfo(i.Digest, i.Size), expected));
        var iterations = Math.Max(SharedBlobs, OwnBlobs);
        Assert.Equal($"{2 * iterations}", await new MetaTable(db).GetAsync("counter", CancellationToken.None));
    }

    private Process StartWorker(int id)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Kiln.TestHost.dll");
        Assert.True(File.Exists(host), $"{host} is missing: build tests/Kiln.IntegrationTests (it references tests/Kiln.TestHost)");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", host, "store-race", root, $"{id}", $"{SharedBlobs}", $"{OwnBlobs}" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start Kiln.TestHost");
    }
}
