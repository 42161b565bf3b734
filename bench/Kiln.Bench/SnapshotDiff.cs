using System.Diagnostics;
using System.Globalization;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Snapshots.Layers;

namespace Kiln.Bench;

/// <summary>
/// Measures diffing a step that wrote <c>totalMib</c> MiB in <c>fileCount</c> files (incompressible content, 100 files
/// per directory) into a layer in the content store, uncompressed, gzip and zstd. Uses overlayfs as root, the copy
/// snapshotter otherwise. The files are written through the mounted snapshot, as a RUN step would.
/// </summary>
internal static class SnapshotDiff
{
    public static async Task<int> RunAsync(int totalMib, int fileCount)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kiln-bench", Guid.NewGuid().ToString("N"));
        var paths = new KilnPaths(directory);
        try
        {
            var database = await MetadataDatabase.OpenAsync(paths, CancellationToken.None);
            var snapshotter = await SnapshotterFactory.CreateAsync(paths, database, SnapshotterChoice.Auto, CancellationToken.None);
            await snapshotter.PrepareAsync("base-extract", null, CancellationToken.None);
            await snapshotter.CommitAsync("base-extract", "base", CancellationToken.None);
            await snapshotter.PrepareAsync("step", "base", CancellationToken.None);
            var mounted = Path.Combine(directory, "mnt");
            Directory.CreateDirectory(mounted);
            await snapshotter.MountAsync("step", mounted, CancellationToken.None);
            long written;
            try
            {
                written = await WriteFilesAsync(mounted, totalMib * 1024L * 1024L, fileCount);
            }
            finally
            {
                Snapshotter.Unmount(mounted);
            }

            var store = new ContentStore(paths);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"snapshot diff ({snapshotter.Driver}): {fileCount} files, {written / 1048576.0:F0} MiB, {Environment.ProcessorCount} cores"));
            foreach (var compression in new[] { LayerCompression.None, LayerCompression.Gzip, LayerCompression.Zstd })
            {
                var options = LayerDiffOptions.Default with { Compression = compression };
                var clock = Stopwatch.StartNew();
                var result = await snapshotter.DiffAsync("step", store, options, CancellationToken.None);
                clock.Stop();
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {compression,-5} {seconds,7:F2} s  {result.UncompressedSize / 1048576.0 / seconds,8:F1} MiB/s  {fileCount / seconds,8:F0} files/s  layer {result.Layer.Size / 1048576.0:F1} MiB"));
                await store.DeleteAsync(result.Layer.Digest, CancellationToken.None);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> WriteFilesAsync(string root, long totalBytes, int fileCount)
    {
        var perFile = (int)(totalBytes / fileCount);
        var content = new byte[perFile];
        var random = new Random(42);
        long written = 0;
        for (var i = 0; i < fileCount; i++)
        {
            var folder = Path.Combine(root, "data", (i / 100).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            random.NextBytes(content);
            await File.WriteAllBytesAsync(Path.Combine(folder, i.ToString("D5", CultureInfo.InvariantCulture)), content);
            written += perFile;
        }

        return written;
    }
}
