using Kiln.Oci;

namespace Kiln.IntegrationTests.Building;

/// <summary>`kiln build` end to end, in-process, with real snapshots, runc and the local registry.</summary>
public sealed class BuildCommandTests
{
    [Fact]
    public async Task MultiStageBuildWithRunCopyFromAndCacheMountWritesAnOciArchive()
    {
        using var work = new BuildWorkspace();
        work.Write("src/a.txt", "hello\n");
        work.Write("Dockerfile", $"""
            FROM {BuildWorkspace.Busybox} AS build
            WORKDIR /w
            COPY src/ ./
            RUN --mount=type=cache,target=/c cat a.txt > /w/b.txt && echo built >> /c/log
            FROM {BuildWorkspace.Busybox} AS unused
            RUN exit 7
            FROM {BuildWorkspace.Busybox}
            COPY --from=build /w/b.txt /b.txt
            CMD ["cat", "/b.txt"]
            """);
        var archive = work.PathOf("out.tar");

        (await work.KilnAsync("build", "--progress=plain", "--output", $"type=oci,dest={archive}", work.Context)).ShouldSucceed();

        var files = BuildWorkspace.ReadTar(archive);
        var (_, manifest, config) = Assert.Single(BuildWorkspace.Images(files));
        Assert.Equal("hello\n", BuildWorkspace.FileInImage(files, manifest, "b.txt"));
        Assert.Equal(["cat", "/b.txt"], config.Config.Cmd);
        Assert.Equal(config.RootFS.DiffIds.Length, manifest.Layers.Length);
        Assert.Equal(2, manifest.Layers.Length);
    }

    [Fact]
    public async Task ASecondBuildIsCachedAndAnEditedFileRerunsOnlyWhatReadsIt()
    {
        using var work = new BuildWorkspace();
        work.Write("a.txt", "one\n");
        work.Write("b.txt", "two\n");
        work.Write("Dockerfile", $"""
            FROM {BuildWorkspace.Busybox}
            COPY b.txt /b.txt
            RUN cat /b.txt > /b.out
            COPY a.txt /a.txt
            RUN cat /a.txt > /a.out
            """);

        (await work.KilnAsync("build", "--progress=rawjson", work.Context)).ShouldSucceed();
        var cached = (await work.KilnAsync("build", "--progress=rawjson", work.Context)).ShouldSucceed();
        var steps = cached.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(status => status.TryGetProperty("vertexes", out _))
            .SelectMany(status => status.GetProperty("vertexes").EnumerateArray())
            .Where(v => v.TryGetProperty("name", out var name) && !name.GetString()!.StartsWith("[internal] load ", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, v => Assert.True(v.GetProperty("cached").GetBoolean(), v.GetProperty("name").GetString()));

        work.Write("a.txt", "changed\n");
        var edited = (await work.KilnAsync("build", "--progress=plain", work.Context)).ShouldSucceed();
        Assert.Matches(@"RUN cat /b.txt > /b.out\n#\d+ CACHED", edited.Error);
        Assert.DoesNotMatch(@"RUN cat /a.txt > /a.out\n#\d+ CACHED", edited.Error);
    }

    [Fact]
    public async Task AFailingStepExitsWithItsCodeAndTheDockerfileLine()
    {
        using var work = new BuildWorkspace();
        work.Write("Dockerfile", $"FROM {BuildWorkspace.Busybox}\nENV A=1\nRUN echo about to fail && exit 3\n");

        var run = await work.KilnAsync("build", "--progress=plain", work.Context);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("KILN1740", run.Error, StringComparison.Ordinal);
        Assert.Contains("exit code: 3", run.Error, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiPlatformBuildRunsEachPlatformUnderItsArchitectureIntoOneIndex()
    {
        using var work = new BuildWorkspace();
        work.Write("Dockerfile", $"""
            FROM --platform=$BUILDPLATFORM {BuildWorkspace.Busybox} AS tools
            RUN echo shared > /tool
            FROM {BuildWorkspace.Busybox}
            ARG TARGETARCH
            COPY --from=tools /tool /tool
            RUN echo "$TARGETARCH $(uname -m)" > /arch
            """);
        var archive = work.PathOf("multi.tar");

        (await work.KilnAsync("build", "--platform", "linux/amd64,linux/arm64", "--output", $"type=oci,dest={archive}", work.Context)).ShouldSucceed();

        var files = BuildWorkspace.ReadTar(archive);
        var images = BuildWorkspace.Images(files);
        Assert.Equal(2, images.Count);
        var amd64 = images.Single(i => i.Platform?.Architecture == "amd64");
        var arm64 = images.Single(i => i.Platform?.Architecture == "arm64");
        Assert.Equal("amd64 x86_64\n", BuildWorkspace.FileInImage(files, amd64.Manifest, "arch"));
        Assert.Equal("arm64 aarch64\n", BuildWorkspace.FileInImage(files, arm64.Manifest, "arch"));
        Assert.Equal("shared\n", BuildWorkspace.FileInImage(files, arm64.Manifest, "tool"));
        Assert.Equal("arm64", arm64.Config.Architecture);
    }

    [Fact]
    public async Task OciLayoutAndDirectoryContextsAndALocalOutput()
    {
        using var work = new BuildWorkspace();
        var extra = Path.Combine(work.Directory, "extra");
        Directory.CreateDirectory(extra);
        await File.WriteAllTextAsync(Path.Combine(extra, "e.txt"), "extra\n");
        work.Write("Dockerfile", $"""
            FROM base
            COPY --from=more e.txt /e.txt
            RUN cat /e.txt > /copied
            """);
        var dest = work.PathOf("local");

        (await work.KilnAsync(
            "build",
            "--build-context", "base=oci-layout:///tmp/kiln-test-images/busybox",
            "--build-context", $"more={extra}",
            "-o", dest,
            work.Context)).ShouldSucceed();

        Assert.Equal("extra\n", await File.ReadAllTextAsync(Path.Combine(dest, "copied")));
        Assert.True(File.Exists(Path.Combine(dest, "bin", "busybox")));
    }

    [Fact]
    public async Task TagsKeepTheImageInKilnsStoreAndIidfileAndMetadataNameIt()
    {
        using var work = new BuildWorkspace();
        work.Write("Dockerfile", $"FROM {BuildWorkspace.Busybox}\nLABEL x=y\n");
        var iid = work.PathOf("iid");
        var metadata = work.PathOf("metadata.json");

        (await work.KilnAsync("build", "-t", "kiln-it/tagged:1", "--iidfile", iid, "--metadata-file", metadata, work.Context)).ShouldSucceed();

        var digest = Digest.Parse(await File.ReadAllTextAsync(iid));
        var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(metadata)).RootElement;
        Assert.Equal(digest.ToString(), json.GetProperty("containerimage.digest").GetString());
        Assert.True(json.TryGetProperty("buildx.build.ref", out _));
        var listed = (await work.KilnAsync("images")).ShouldSucceed();
        Assert.Contains("kiln-it/tagged", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DockerfileFromStandardInput()
    {
        using var work = new BuildWorkspace();
        work.Write("data.txt", "from the context\n");
        using var input = new StringReader($"FROM {BuildWorkspace.Busybox}\nCOPY data.txt /data.txt\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var invocation = new Kiln.Cli.Building.BuildInvocation(
            new Kiln.Content.KilnPaths(work.Root), work.Directory, Environment.GetEnvironmentVariable, input, output, error);
        var dest = work.PathOf("out");

        var code = await invocation.RunAsync(
            new Kiln.Cli.Building.BuildFlags { Context = work.Context, File = "-", Outputs = [$"type=local,dest={dest}"] }, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        Assert.Equal("from the context\n", await File.ReadAllTextAsync(Path.Combine(dest, "data.txt")));
    }

    [Fact]
    public async Task AnOutputThatCannotBeWrittenIsACleanErrorAndUnsupportedFlagsAreWarnedAbout()
    {
        using var work = new BuildWorkspace();
        work.Write("Dockerfile", $"FROM {BuildWorkspace.Busybox}\n");
        var missing = Path.Combine(work.Directory, "no", "such", "dir", "out.tar");

        var run = await work.KilnAsync("build", "--builder", "farm", "--cache-to", "type=inline", "--output", $"type=oci,dest={missing}", work.Context);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("KILN1920", run.Error, StringComparison.Ordinal);
        Assert.Contains("WARNING: --cache-to is not supported by kiln yet", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
