using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class ImageConfigTests
{
    private const string Minimal = "{'architecture':'amd64','os':'linux','rootfs':{'type':'layers','diff_ids':[]}}";

    public static TheoryData<string, string> InvalidConfigs => new()
    {
        { "architecture missing", "{'os':'linux','rootfs':{'type':'layers','diff_ids':[]}}" },
        { "os missing", "{'architecture':'amd64','rootfs':{'type':'layers','diff_ids':[]}}" },
        { "os empty", "{'architecture':'amd64','os':'','rootfs':{'type':'layers','diff_ids':[]}}" },
        { "rootfs missing", "{'architecture':'amd64','os':'linux'}" },
        { "rootfs type wrong", "{'architecture':'amd64','os':'linux','rootfs':{'type':'files','diff_ids':[]}}" },
        { "diff id traversal", "{'architecture':'amd64','os':'linux','rootfs':{'type':'layers','diff_ids':['sha256:../../x']}}" },
        { "diff id uppercase", "{'architecture':'amd64','os':'linux','rootfs':{'type':'layers','diff_ids':['sha256:" + new string('A', 64) + "']}}" },
        { "created not rfc3339", "{'created':'yesterday','architecture':'amd64','os':'linux','rootfs':{'type':'layers'}}" },
        { "created without zone", "{'created':'2024-01-01T00:00:00','architecture':'amd64','os':'linux','rootfs':{'type':'layers'}}" },
        { "created month 13", "{'created':'2024-13-01T00:00:00Z','architecture':'amd64','os':'linux','rootfs':{'type':'layers'}}" },
        { "env not array", "{'architecture':'amd64','os':'linux','config':{'Env':'A=1'},'rootfs':{'type':'layers'}}" },
        { "env entry number", "{'architecture':'amd64','os':'linux','config':{'Env':[1]},'rootfs':{'type':'layers'}}" },
        { "cmd is string", "{'architecture':'amd64','os':'linux','config':{'Cmd':'sh'},'rootfs':{'type':'layers'}}" },
        { "exposed port value string", "{'architecture':'amd64','os':'linux','config':{'ExposedPorts':{'80/tcp':'yes'}},'rootfs':{'type':'layers'}}" },
        { "labels array", "{'architecture':'amd64','os':'linux','config':{'Labels':['a']},'rootfs':{'type':'layers'}}" },
        { "args escaped string", "{'architecture':'amd64','os':'linux','config':{'ArgsEscaped':'true'},'rootfs':{'type':'layers'}}" },
        { "negative interval", "{'architecture':'amd64','os':'linux','config':{'Healthcheck':{'Interval':-1}},'rootfs':{'type':'layers'}}" },
        { "negative retries", "{'architecture':'amd64','os':'linux','config':{'Healthcheck':{'Retries':-1}},'rootfs':{'type':'layers'}}" },
        { "retries overflow", "{'architecture':'amd64','os':'linux','config':{'Healthcheck':{'Retries':4294967296}},'rootfs':{'type':'layers'}}" },
        { "history not array", "{'architecture':'amd64','os':'linux','rootfs':{'type':'layers'},'history':{}}" },
        { "empty_layer string", "{'architecture':'amd64','os':'linux','rootfs':{'type':'layers'},'history':[{'empty_layer':'yes'}]}" },
        { "config is array", "{'architecture':'amd64','os':'linux','config':[],'rootfs':{'type':'layers'}}" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void InvalidConfigsAreRejected(string name, string json)
    {
        var ex = Assert.Throws<KilnException>(() => ImageConfig.Parse(Json(json)));
        Assert.True(ex.Code == ErrorCodes.InvalidImageConfig, $"{name}: got {ex.Code} {ex.Message}");
    }

    [Fact]
    public void DockerConfigIsReadWithoutLosingKnownFields()
    {
        var config = ImageConfig.Parse(File.ReadAllBytes("testdata/oci/docker-config.json"), "docker-config.json");

        Assert.Equal(new Platform("linux", "arm", "v7"), config.Platform);
        Assert.Equal("2024-05-01T12:34:56.123456789Z", config.Created!.Value.Text);
        Assert.Equal("kiln tests", config.Author);
        var c = config.Config;
        Assert.Equal("app:app", c.User);
        Assert.Equal(["443/tcp", "8080/tcp"], c.ExposedPorts);
        Assert.Equal(["PATH=/usr/local/bin:/usr/bin", "Z=1", "A=2"], c.Env!.Value.ToArray());
        Assert.Null(c.Entrypoint);
        Assert.Equal(["sh"], c.Cmd!.Value.ToArray());
        Assert.Equal(["/cache", "/data"], c.Volumes);
        Assert.Equal("/srv", c.WorkingDir);
        Assert.Equal(["a", "org.opencontainers.image.title"], c.Labels.Keys);
        Assert.Equal("SIGTERM", c.StopSignal);
        Assert.True(c.ArgsEscaped);
        Assert.Equal(["RUN echo hi"], c.OnBuild!.Value.ToArray());
        Assert.Equal(["/bin/bash", "-c"], c.Shell!.Value.ToArray());
        var health = c.Healthcheck!;
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/ || exit 1"], health.Test!.Value.ToArray());
        Assert.Equal((30_000_000_000L, 5_000_000_000L, 1_000_000_001L, 2_000_000_000L, 3), (health.Interval, health.Timeout, health.StartPeriod, health.StartInterval, health.Retries));
        Assert.Equal([Digest.Parse(DigestA), Digest.Parse(DigestB)], config.RootFS.DiffIds.ToArray());
        Assert.Equal(3, config.History.Length);
        Assert.True(config.History[1].EmptyLayer);
        Assert.Equal(("a", "c"), (config.History[1].Author, config.History[1].Comment));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 1, TimeSpan.Zero), config.History[1].Created!.Value.Value);
        Assert.Null(config.History[2].Created);
    }

    [Fact]
    public void WrittenConfigParsesBackToAnEqualConfig()
    {
        var config = ImageConfig.Parse(File.ReadAllBytes("testdata/oci/docker-config.json"));
        var bytes = config.ToBytes();
        var again = ImageConfig.Parse(bytes);

        Assert.Equal(config, again);
        Assert.Equal(bytes, again.ToBytes());
        Assert.DoesNotContain("container_config", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void MinimalConfigIsWrittenInFieldOrder()
    {
        var config = ImageConfig.Parse(Json(Minimal)) with
        {
            Created = OciTimestamp.FromUnixSeconds(0),
            Config = ContainerConfig.Empty with { Cmd = [], Env = ["A=1"], ArgsEscaped = false, WorkingDir = "" },
            History = [new HistoryEntry { CreatedBy = "x", EmptyLayer = true }],
        };

        var expected = "{'created':'1970-01-01T00:00:00Z','architecture':'amd64','os':'linux','config':{'Env':['A=1'],'Cmd':[]},"
            + "'rootfs':{'type':'layers','diff_ids':[]},'history':[{'created_by':'x','empty_layer':true}]}";
        Assert.Equal(Json(expected), config.ToBytes());
    }

    [Fact]
    public void NullSectionsReadAsAbsent()
    {
        var config = ImageConfig.Parse(Json("{'architecture':'amd64','os':'linux','config':null,'rootfs':{'type':'layers','diff_ids':null},'history':null,'variant':''}"));

        Assert.Equal(ContainerConfig.Empty, config.Config);
        Assert.Empty(config.RootFS.DiffIds);
        Assert.Empty(config.History);
        Assert.Null(config.Variant);
    }

    [Fact]
    public void ForPlatformCopiesThePlatform()
    {
        var platform = new Platform("windows", "amd64") { OSVersion = "10.0.17763.1", OSFeatures = ["win32k"] };

        Assert.Equal(platform, ImageConfig.For(platform).Platform);
    }
}
