#:project ../../src/Kiln/Kiln.csproj
#:property PublishAot=false

// Measures kiln's executor on a no-op step: spec generation, bundle files, runc run, container delete and
// bundle cleanup, on an already-unpacked busybox rootfs (snapshot prepare/commit is not included).
// Usage: dotnet run Kiln.Bench.cs -- <runs> <rootfs>
using System.Diagnostics;
using System.Globalization;
using Kiln.Content;
using Kiln.Exec;
using Kiln.Exec.Mounts;
using Kiln.Exec.Runtime;

var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var rootfs = args[1];
var kilnRoot = Directory.CreateTempSubdirectory("kiln-bench-").FullName;
try
{
    var options = RuntimeOptions.Create(new KilnPaths(kilnRoot), Environment.GetEnvironmentVariable);
    var executor = await Executor.StartAsync(options, CancellationToken.None);
    var request = new ExecRequest
    {
        Rootfs = rootfs,
        Args = ["true"],
        Mounts = [new CacheMount("/c") { Id = "bench" }],
    };
    await executor.RunAsync(request, ExecSession.Default, null, CancellationToken.None);
    var samples = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await executor.RunAsync(request, ExecSession.Default, null, CancellationToken.None);
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }

    samples.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples[samples.Count / 2]:F1}"));
}
finally
{
    Directory.Delete(kilnRoot, recursive: true);
}
