using Kiln.TestHost;

// Usage: Kiln.TestHost store-race <root> <worker-id> <shared-blobs> <own-blobs>
if (args.Length == 5 && args[0] == "store-race")
{
    return await StoreRace.RunAsync(args[1], int.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4]));
}

await Console.Error.WriteLineAsync("usage: Kiln.TestHost store-race <root> <worker-id> <shared-blobs> <own-blobs>");
return 2;
