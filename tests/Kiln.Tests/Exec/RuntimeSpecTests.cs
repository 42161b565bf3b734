using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Exec;
using Kiln.Exec.Spec;
using Kiln.Exec.Users;

namespace Kiln.Tests.Exec;

public sealed class RuntimeSpecTests
{
    private static readonly ExecUser Alice = new(1001, 1002, [2000, 2001], "/home/alice");

    [Fact]
    public void SandboxSpecHasDockersDefaults()
    {
        using var json = Generate(new ExecRequest { Rootfs = "/r", Args = ["/bin/sh", "-c", "true"], Env = ["A=1"], WorkingDirectory = "/w" });
        var root = json.RootElement;
        Assert.Equal("1.0.2", root.GetProperty("ociVersion").GetString());
        Assert.Equal("buildkitsandbox", root.GetProperty("hostname").GetString());
        Assert.Equal("/r", root.GetProperty("root").GetProperty("path").GetString());
        var process = root.GetProperty("process");
        Assert.False(process.GetProperty("terminal").GetBoolean());
        Assert.False(process.GetProperty("noNewPrivileges").GetBoolean());
        Assert.False(process.TryGetProperty("rlimits", out _));
        Assert.Equal(["/bin/sh", "-c", "true"], Strings(process.GetProperty("args")));
        Assert.Equal(["PATH=" + ProcessEnvironment.DefaultPath, "A=1", "HOME=/home/alice"], Strings(process.GetProperty("env")));
        Assert.Equal("/w", process.GetProperty("cwd").GetString());
        var user = process.GetProperty("user");
        Assert.Equal((1001, 1002), (user.GetProperty("uid").GetInt32(), user.GetProperty("gid").GetInt32()));
        Assert.Equal([2000, 2001], user.GetProperty("additionalGids").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(SandboxDefaults.Capabilities, Strings(process.GetProperty("capabilities").GetProperty("bounding")));
        Assert.Equal(14, SandboxDefaults.Capabilities.Length);
        var linux = root.GetProperty("linux");
        Assert.Equal(["pid", "ipc", "uts", "mount"], linux.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("type").GetString()));
        Assert.Contains("/proc/kcore", Strings(linux.GetProperty("maskedPaths")));
        Assert.Contains("/proc/sys", Strings(linux.GetProperty("readonlyPaths")));
        Assert.False(linux.GetProperty("resources").GetProperty("devices")[0].GetProperty("allow").GetBoolean());
        var mounts = root.GetProperty("mounts").EnumerateArray().ToList();
        Assert.Equal(
            ["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup", "/etc/resolv.conf", "/etc/hosts", "/a", "/a/b/c", "/z/y/x/w"],
            mounts.Select(m => m.GetProperty("destination").GetString()));
        Assert.Contains("ro", Strings(mounts[5].GetProperty("options")));
        Assert.Equal(["rbind", "ro"], Strings(mounts[8].GetProperty("options")));
        Assert.Equal("/bundle/hosts", mounts[8].GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("Default", false, false)]
    [InlineData("Host", false, false)]
    [InlineData("None", true, false)]
    [InlineData("None", true, true)]
    public void NetworkNamespaceOnlyForNone(string networkName, bool netns, bool cgroupV2)
    {
        var network = Enum.Parse<NetworkMode>(networkName);
        var spec = RuntimeSpecBuilder.Build(
            new ExecRequest { Rootfs = "/r", Args = ["true"], Network = network }, ExecUser.Root, [], [], "/h", "/rc", cgroupV2);
        Assert.Equal(netns, spec.Namespaces.Contains("network"));
        Assert.Equal(cgroupV2, spec.Namespaces.Contains("cgroup"));
    }

    [Fact]
    public void InsecureGrantsTheGivenCapabilitiesAndUnmasksEverything()
    {
        var spec = RuntimeSpecBuilder.Build(
            new ExecRequest { Rootfs = "/r", Args = ["true"], Security = SecurityMode.Insecure, Ulimits = [new Ulimit("nofile", 1024, 2048)] },
            ExecUser.Root, [], [], "/h", "/rc", cgroupV2: false, SandboxDefaults.FromMask(0x1fffeffffff));
        Assert.Equal(40, spec.Capabilities.Length);
        Assert.DoesNotContain("CAP_SYS_RESOURCE", spec.Capabilities);
        Assert.Empty(spec.MaskedPaths);
        Assert.Empty(spec.ReadonlyPaths);
        Assert.True(spec.AllowAllDevices);
        Assert.Contains("rw", spec.Mounts.Single(m => m.Destination == "/sys").Options);
        using var json = JsonDocument.Parse(RuntimeSpecWriter.Serialize(spec));
        var limit = json.RootElement.GetProperty("process").GetProperty("rlimits")[0];
        Assert.Equal(("RLIMIT_NOFILE", 2048, 1024), (limit.GetProperty("type").GetString(), limit.GetProperty("hard").GetInt32(), limit.GetProperty("soft").GetInt32()));
    }

    [Theory]
    [InlineData(0xa80425fbUL, 14)]
    [InlineData(0UL, 0)]
    [InlineData(0x1ffffffffffUL, 41)]
    [InlineData(ulong.MaxValue, 41)]
    public void CapabilityMasksMapToNames(ulong mask, int count)
    {
        var names = SandboxDefaults.FromMask(mask);
        Assert.Equal(count, names.Length);
        if (mask == 0xa80425fbUL)
        {
            Assert.Equal(SandboxDefaults.Capabilities.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        }
    }

    private static JsonDocument Generate(ExecRequest request)
    {
        ImmutableArray<RuntimeMount> mounts =
        [
            RuntimeMount.Bind("/s3", "/z/y/x/w"),
            RuntimeMount.Bind("/s1", "/a/b/c"),
            RuntimeMount.Bind("/s2", "/a"),
        ];
        var spec = RuntimeSpecBuilder.Build(request, Alice, mounts, [], "/bundle/hosts", "/bundle/resolv.conf", cgroupV2: false);
        return JsonDocument.Parse(RuntimeSpecWriter.Serialize(spec));
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
