using System.Diagnostics;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Oci;
using Kiln.TestHost;

namespace Kiln.IntegrationTests.Content;

/// <summary>
/// Real separate processes (Kiln.TestHost) on one kiln root: racing writers lose nothing, while a writer killed
/// mid-ingest leaves only a partial file for cleanup.
/// </summary>
public sealed class CrossProcessStoreTests : IDisposable
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

    [Fact]
    public async Task KilledWriterLeavesOnlyAPartialFileThatCleanupRemoves()
    {
        using var writer = Start("partial-ingest", root);
        try
        {
            Assert.Equal("writing", await writer.StandardOutput.ReadLineAsync());
        }
        finally
        {
            writer.Kill();
            await writer.WaitForExitAsync();
        }

        var store = new ContentStore(new KilnPaths(root));
        var digest = Digest.Sha256(PartialIngest.Blob);
        Assert.False(await store.ExistsAsync(digest, CancellationToken.None));
        var partial = Assert.Single(Directory.GetFiles(store.Paths.IngestDirectory));
        Assert.Equal(PartialIngest.Blob.Length / 2, new FileInfo(partial).Length);
        var walked = new List<ContentInfo>();
        await foreach (var info in store.WalkAsync(CancellationToken.None))
        {
            walked.Add(info);
        }

        Assert.Empty(walked);
        File.SetLastWriteTimeUtc(partial, DateTime.UtcNow.AddDays(-1));
        Assert.Equal(1, await store.CleanupIngestAsync(TimeSpan.FromHours(1), CancellationToken.None));
        Assert.Empty(Directory.GetFiles(store.Paths.IngestDirectory));

        // The store still works after the crash.
        Assert.Equal(digest, (await store.WriteAsync(digest, PartialIngest.Blob, CancellationToken.None)).Digest);
    }

    private Process StartWorker(int id) =>
        Start("store-race", root, $"{id}", $"{SharedBlobs}", $"{OwnBlobs}");

    private static Process Start(params string[] args)
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
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start Kiln.TestHost");
    }
}
