using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Exec.Runtime;

namespace Kiln.Tests.Exec;

public sealed class RuntimeOptionsTests
{
    [Fact]
    public void KilnRuntimeSelectsTheRuntimeThroughPath()
    {
        using var bin = new TempDirectory();
        File.WriteAllText(Path.Combine(bin.Path, "crun"), "#!/bin/sh\n");
        var env = new Dictionary<string, string> { ["KILN_RUNTIME"] = "crun", ["PATH"] = bin.Path };
        var options = RuntimeOptions.Create(new KilnPaths("/var/lib/kiln-test"), name => env.GetValueOrDefault(name));
        Assert.Equal(Path.Combine(bin.Path, "crun"), options.Binary);
        Assert.Equal("/var/lib/kiln-test/runc", options.StateRoot);
        Assert.Equal("/var/lib/kiln-test/exec", options.BundlesRoot);
        Assert.Equal("/var/lib/kiln-test/cache-mounts", options.CacheMountsRoot);
    }

    [Fact]
    public void AnExplicitPathIsUsedAsIs()
    {
        using var bin = new TempDirectory();
        var runtime = Path.Combine(bin.Path, "my-runc");
        File.WriteAllText(runtime, "");
        var options = RuntimeOptions.Create(new KilnPaths("/k"), _ => null, runtime);
        Assert.Equal(runtime, options.Binary);
    }

    [Theory]
    [InlineData("no-such-runtime-7f3a")]
    [InlineData("/no/such/dir/runc")]
    public void AMissingRuntimeNamesTheFix(string runtime)
    {
        var error = Assert.Throws<KilnException>(() => RuntimeOptions.FindBinary(runtime, "/nonexistent"));
        Assert.Equal(ErrorCodes.RuntimeNotFound, error.Code);
        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
    }
}
