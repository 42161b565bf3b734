using System.Globalization;
using Kiln.TestHost;

// Usage: Kiln.TestHost store-race <root> <worker-id> <shared-blobs> <own-blobs>
//        Kiln.TestHost partial-ingest <root>
if (args.Length == 5 && args[0] == "store-race")
{
    var numbers = args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    return await StoreRace.RunAsync(args[1], numbers[0], numbers[1], numbers[2]);
}

if (args.Length == 2 && args[0] == "partial-ingest")
{
    return await PartialIngest.RunAsync(args[1]);
}

await Console.Error.WriteLineAsync("usage: Kiln.TestHost store-race <root> <worker-id> <shared-blobs> <own-blobs> | partial-ingest <root>");
return 2;
