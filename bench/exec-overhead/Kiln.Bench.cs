#:project ../../src/Kiln/Kiln.csproj
#:property PublishAot=false

// Measures a no-op RUN step in kiln two ways, on the busybox base image applied into a committed snapshot:
//   executor: spec generation, bundle files, runc run, container delete and cleanup on a mounted rootfs;
//   step:     snapshot prepare on the base + overlay mount + the executor run + unmount + commit.
// Usage: dotnet run Kiln.Bench.cs -- <runs> <layer blob (gzip)> <layer digest>
using System.Diagnostics;
using System.Globalization;
using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Exec;
using Kiln.Exec.Mounts;
using Kiln.Exec.Runtime;
using Kiln.Oci;
using Kiln.Snapshots;

var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var layerPath = args[1];
var layer = new Descriptor(MediaType.OciLayerGzip, Digest.Parse(args[2]), new FileInfo(layerPath).Length);
var kilnRoot = Directory.CreateTempSubdirectory("kiln-bench-").FullName;
var paths = new KilnPaths(kilnRoot);
var ct = CancellationToken.None;
try
{
    var database = await MetadataDatabase.OpenAsync(paths, ct);
    var snapshotter = await SnapshotterFactory.CreateAsync(paths, database, SnapshotterChoice.Auto, ct);
    await snapshotter.PrepareAsync("base-active", null, ct);
    await using (var blob = File.OpenRead(layerPath))
    {
        await snapshotter.ApplyLayerAsync("base-active", blob, layer, ct);
    }

    await snapshotter.CommitAsync("base-active", "base", ct);
    var executor = await Executor.StartAsync(RuntimeOptions.Create(paths, Environment.GetEnvironmentVariable), ct);
    var mountpoint = Directory.CreateDirectory(Path.Combine(kilnRoot, "mnt")).FullName;
    var request = new ExecRequest { Rootfs = mountpoint, Args = ["true"], Mounts = [new CacheMount("/c") { Id = "bench" }] };

    var executorSamples = new List<double>();
    var stepSamples = new List<double>();
    for (var i = -1; i < runs; i++)
    {
        var step = Stopwatch.StartNew();
        await snapshotter.PrepareAsync($"step-{i + 1}", "base", ct);
        await snapshotter.MountAsync($"step-{i + 1}", mountpoint, ct);
        var run = Stopwatch.StartNew();
        await executor.RunAsync(request, ExecSession.Default, null, ct);
        run.Stop();
        Snapshotter.Unmount(mountpoint);
        await snapshotter.CommitAsync($"step-{i + 1}", $"done-{i + 1}", ct);
        step.Stop();
        if (i >= 0)
        {
            executorSamples.Add(run.Elapsed.TotalMilliseconds);
            stepSamples.Add(step.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Median(executorSamples):F1} {Median(stepSamples):F1} {snapshotter.Driver}"));
}
finally
{
    Directory.Delete(kilnRoot, recursive: true);
}

static double Median(List<double> samples)
{
    samples.Sort();
    return samples[samples.Count / 2];
}
