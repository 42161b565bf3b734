using System.Globalization;
using Kiln.Bench;

return args switch
{
    ["solver-overhead", var count] => await SolverOverhead.RunAsync(int.Parse(count, CultureInfo.InvariantCulture)),
    ["solver-overhead"] => await SolverOverhead.RunAsync(10_000),
    ["snapshot-diff", var mib, var files] => await SnapshotDiff.RunAsync(int.Parse(mib, CultureInfo.InvariantCulture), int.Parse(files, CultureInfo.InvariantCulture)),
    ["snapshot-diff"] => await SnapshotDiff.RunAsync(1024, 10_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kiln.Bench solver-overhead [VERTICES]");
    Console.Error.WriteLine("       Kiln.Bench snapshot-diff [MIB FILES]");
    return 2;
}
