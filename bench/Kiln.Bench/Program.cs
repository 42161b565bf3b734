using System.Diagnostics;
using System.Globalization;
using Kiln.Bench;

// kiln's benchmark entry point; each bench/*.sh script drives one verb:
//   solver-overhead [VERTICES]            per-vertex scheduling cost of no-op vertices (bench/solver-overhead.sh)
//   layout DIR COUNT SIZE_MIB             an OCI layout of COUNT random layers (bench/registry-throughput.sh)
//   push DIR REF | pull REF DIR           kiln's push / pull of that image; prints seconds and bytes
//   snapshot-diff [MIB FILES]             diff throughput of a step writing MIB in FILES files (bench/snapshot-diff.sh)
return args switch
{
    ["solver-overhead", var count] => await SolverOverhead.RunAsync(int.Parse(count, CultureInfo.InvariantCulture)),
    ["solver-overhead"] => await SolverOverhead.RunAsync(10_000),
    ["layout", var dir, var count, var size] => await TimedAsync(() => BenchLayout.WriteAsync(dir, Int(count), Int(size))),
    ["push", var dir, var reference] => await TimedAsync(() => BenchTransfers.PushAsync(dir, reference)),
    ["pull", var reference, var dir] => await TimedAsync(() => BenchTransfers.PullAsync(reference, dir)),
    ["snapshot-diff", var mib, var files] => await SnapshotDiff.RunAsync(Int(mib), Int(files)),
    ["snapshot-diff"] => await SnapshotDiff.RunAsync(1024, 10_000),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

static async Task<int> TimedAsync(Func<Task<long>> run)
{
    var stopwatch = Stopwatch.StartNew();
    var bytes = await run();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalSeconds:F3} {bytes}"));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Kiln.Bench solver-overhead [VERTICES] | layout DIR COUNT SIZE_MIB | push DIR REF | pull REF DIR");
    Console.Error.WriteLine("       Kiln.Bench snapshot-diff [MIB FILES]");
    return 2;
}
