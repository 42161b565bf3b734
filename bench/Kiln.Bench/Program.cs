using System.Diagnostics;
using System.Globalization;
using Kiln.Bench;

// kiln's registry throughput benchmark (driven by bench/registry-throughput.sh):
//   Kiln.Bench layout DIR COUNT SIZE_MIB    write an OCI layout of COUNT random layers of SIZE_MIB each
//   Kiln.Bench push DIR REF                  push the layout's image with kiln; prints seconds and bytes
//   Kiln.Bench pull REF DIR                  pull the image's blobs with kiln into DIR; prints seconds and bytes
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Kiln.Bench layout DIR COUNT SIZE_MIB | push DIR REF | pull REF DIR");
    return 2;
}

var stopwatch = Stopwatch.StartNew();
long bytes = args[0] switch
{
    "layout" => await BenchLayout.WriteAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture)),
    "push" => await BenchTransfers.PushAsync(args[1], args[2]),
    "pull" => await BenchTransfers.PullAsync(args[1], args[2]),
    _ => throw new ArgumentException($"unknown command {args[0]}"),
};
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalSeconds:F3} {bytes}"));
return 0;
