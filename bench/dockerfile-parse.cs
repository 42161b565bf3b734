#:project ../src/Kiln/Kiln.csproj
#:property AssemblyName=Kiln.Bench
#:property PublishAot=false
#:property TreatWarningsAsErrors=true

// Parse throughput of the Dockerfile frontend (parser + instructions + stages): one generated 10,000-line
// Dockerfile and a corpus of 500 Dockerfiles built from the golden test inputs.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiln.Dockerfile.Stages;

var root = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "tests", "testdata", "dockerfile", "parse");
var big = BigDockerfile(10_000);
var corpus = Corpus(root, 500);

Measure("10,000-line Dockerfile", [big], 20);
Measure($"corpus of {corpus.Count} Dockerfiles", corpus, 20);

static void Measure(string name, List<string> files, int rounds)
{
    foreach (var f in files)
    {
        DockerfileDocument.Load(f);
    }

    var lines = files.Sum(f => f.Count(c => c == '\n'));
    var bytes = files.Sum(f => Encoding.UTF8.GetByteCount(f));
    var errors = files.Count(f => DockerfileDocument.Load(f).HasErrors);
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var alloc0 = GC.GetAllocatedBytesForCurrentThread();
    var sw = Stopwatch.StartNew();
    for (var r = 0; r < rounds; r++)
    {
        foreach (var f in files)
        {
            DockerfileDocument.Load(f);
        }
    }

    sw.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / rounds;
    var allocated = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / rounds;
    var seconds = sw.Elapsed.TotalSeconds / rounds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {lines:N0} lines, {bytes / 1024.0:F0} KiB, {errors} with errors; {seconds * 1000:F2} ms per pass, " +
        $"{lines / seconds:N0} lines/s, {bytes / seconds / 1048576:F1} MiB/s, {seconds / files.Count * 1e6:F1} µs per file; " +
        $"CPU {cpu * 1000:F2} ms per pass, {allocated / (double)bytes:F0} bytes allocated per input byte"));
}

static string BigDockerfile(int lineCount)
{
    var sb = new StringBuilder("# syntax=docker/dockerfile:1\nARG BASE=debian:bookworm\n");
    var lines = 2;
    var stage = 0;
    while (lines < lineCount)
    {
        var from = stage == 0 ? "" : $"COPY --from=s{stage - 1} --chown=1:1 /out /in\n";
        sb.Append(CultureInfo.InvariantCulture, $"FROM $BASE AS s{stage}\n");
        sb.Append("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        curl \\\n        git \\\n    && rm -rf /var/lib/apt/lists/*\n");
        sb.Append("ENV A=1 B=\"two words\" C=three\nLABEL org.example.stage=\"value\"\n");
        sb.Append(from);
        sb.Append("RUN <<EOF\nset -e\necho building\nmake -j4\nEOF\n");
        sb.Append("HEALTHCHECK --interval=30s CMD [\"true\"]\nCMD [\"/bin/app\", \"--serve\"]\n");
        lines += 16 + (stage == 0 ? 0 : 1);
        stage++;
    }

    return sb.Append("# end\n").ToString();
}

static List<string> Corpus(string root, int count)
{
    var files = Directory.GetDirectories(root).Order(StringComparer.Ordinal)
        .Select(d => File.ReadAllText(Path.Combine(d, "Dockerfile"))).ToList();
    var corpus = new List<string>(count);
    for (var i = 0; corpus.Count < count; i++)
    {
        var text = files[i % files.Count];
        corpus.Add(i < files.Count ? text : $"{text}\n# copy {i}\n");
    }

    return corpus;
}
