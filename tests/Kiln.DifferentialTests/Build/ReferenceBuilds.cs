using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// Builds cases with the reference (<c>docker buildx build --output type=oci,dest=...</c>, BuildKit 0.13 in dockerd, see
/// <c>scripts/setup.sh oracle</c>), at most <see cref="Parallelism"/> at a time, each case once per process, and keeps
/// every outcome in a cache outside the repository (<c>$KILN_REF_CACHE</c>, default /var/tmp/kiln-ref-cache) keyed by
/// the case folder's bytes, the reference's version and the base image index, so reruns skip the reference entirely.
/// </summary>
internal static class ReferenceBuilds
{
    private const int Parallelism = 3;
    private const string KeyVersion = "kiln-difftests-build-v1";
    private const string BaseImageLayout = "/tmp/kiln-test-images/busybox";
    private static readonly SemaphoreSlim Slots = new(Parallelism);
    private static readonly ConcurrentDictionary<string, Lazy<Task<ReferenceOutcome>>> InFlight = new(StringComparer.Ordinal);
    private static readonly Lazy<Task<string>> Version = new(ReadVersionAsync);
    private static readonly Lazy<bool> Swept = new(SweepAbandonedStaging);

    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("KILN_REF_CACHE") is { Length: > 0 } root ? root : "/var/tmp/kiln-ref-cache";

    public static Task<ReferenceOutcome> GetAsync(BuildCase buildCase) =>
        InFlight.GetOrAdd(buildCase.Directory, _ => new Lazy<Task<ReferenceOutcome>>(() => BuildOrLoadAsync(buildCase))).Value;

    private static async Task<ReferenceOutcome> BuildOrLoadAsync(BuildCase buildCase)
    {
        _ = Swept.Value;
        var key = await KeyAsync(buildCase);
        var dir = Path.Combine(CacheRoot, key);
        if (Load(dir) is { } cached)
        {
            return cached;
        }

        await Slots.WaitAsync();
        try
        {
            var staging = Path.Combine(CacheRoot, $"{key}.{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(staging);
            var archive = Path.Combine(staging, "reference.tar");
            string[] arguments =
            [
                "buildx", "build", "--progress=plain", "--provenance=false",
                "--output", $"type=oci,dest={archive}", .. buildCase.Arguments, buildCase.Directory,
            ];
            var result = await ToolProcess.RunAsync("docker", arguments, buildCase.Environment, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(staging, "log.txt"), result.Log);
            await File.WriteAllTextAsync(Path.Combine(staging, "case"), buildCase.Name);
            await File.WriteAllTextAsync(Path.Combine(staging, "exit"), result.ExitCode.ToString(CultureInfo.InvariantCulture));
            if (result.ExitCode != 0 && buildCase.FailLine is null)
            {
                Directory.Delete(staging, recursive: true);
                return new ReferenceOutcome(result.ExitCode, null, result.Log);
            }

            try
            {
                Directory.Move(staging, dir);
            }
            catch (IOException) when (Directory.Exists(dir))
            {
                Directory.Delete(staging, recursive: true);
            }

            return Load(dir) ?? throw new InvalidOperationException($"the reference cache entry {dir} is incomplete");
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>Removes staging folders an interrupted run left behind (a filtered run ends before the prefetch does).</summary>
    private static bool SweepAbandonedStaging()
    {
        if (!Directory.Exists(CacheRoot))
        {
            return true;
        }

        var cutoff = DateTime.UtcNow.AddHours(-1);
        foreach (var dir in Directory.EnumerateDirectories(CacheRoot, "*.tmp").Where(d => Directory.GetLastWriteTimeUtc(d) < cutoff))
        {
            Directory.Delete(dir, recursive: true);
        }

        return true;
    }

    private static ReferenceOutcome? Load(string dir)
    {
        var exit = Path.Combine(dir, "exit");
        if (!File.Exists(exit))
        {
            return null;
        }

        var code = int.Parse(File.ReadAllText(exit), CultureInfo.InvariantCulture);
        var archive = Path.Combine(dir, "reference.tar");
        return new ReferenceOutcome(code, File.Exists(archive) ? archive : null, File.ReadAllText(Path.Combine(dir, "log.txt")));
    }

    /// <summary>sha256 over the key version, the reference version, the base image index and every file of the case.</summary>
    private static async Task<string> KeyAsync(BuildCase buildCase)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{KeyVersion}\n{await Version.Value}\n"));
        var baseIndex = Path.Combine(BaseImageLayout, "index.json");
        Assert.True(File.Exists(baseIndex), $"{baseIndex} is missing: run scripts/setup.sh");
        hash.AppendData(await File.ReadAllBytesAsync(baseIndex));
        foreach (var file in Directory.EnumerateFiles(buildCase.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(buildCase.Directory, file);
            var mode = OperatingSystem.IsLinux() ? (int)File.GetUnixFileMode(file) : 0;
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{relative}\n{mode}\n"));
            hash.AppendData(await File.ReadAllBytesAsync(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<string> ReadVersionAsync()
    {
        var engine = await ToolProcess.RunAsync("docker", ["version", "--format", "{{.Server.Version}}"], null, CancellationToken.None);
        Assert.True(engine.ExitCode == 0, $"dockerd is not running: run scripts/setup.sh oracle\n{engine.Log}");
        var buildx = await ToolProcess.OutputOfAsync("docker", "buildx", "version");
        return $"{engine.Log.Trim()} {buildx.Trim()}";
    }
}
