using System.Globalization;
using Kiln.Bench;

return args switch
{
    ["solver-overhead", var count] => await SolverOverhead.RunAsync(int.Parse(count, CultureInfo.InvariantCulture)),
    ["solver-overhead"] => await SolverOverhead.RunAsync(10_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kiln.Bench solver-overhead [VERTICES]");
    return 2;
}
