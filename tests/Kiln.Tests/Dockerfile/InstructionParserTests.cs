using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Tests.Dockerfile;

/// <summary>Typed records: flags, mounts, healthcheck options and the labs switch.</summary>
public class InstructionParserTests
{
    private static (Instruction? Instruction, List<Diagnostic> Diagnostics) One(string line, bool labs = false)
    {
        var node = DockerfileParser.Parse(line + "\n").Nodes[0];
        var diagnostics = new List<Diagnostic>();
        var instruction = InstructionParser.ParseNode(node, new InstructionParserOptions(labs), diagnostics);
        return (instruction, diagnostics);
    }

    [Fact]
    public void RunMountsAreTyped()
    {
        var (i, d) = One("RUN --mount=type=cache,target=/c,id=x,sharing=locked,mode=0750,uid=1,gid=2 --mount=type=secret,id=s,required --network=none make");
        Assert.Empty(d);
        var run = Assert.IsType<RunInstruction>(i);
        Assert.Equal(MountType.Cache, run.Mounts[0].Type);
        Assert.Equal(("/c", "x", CacheSharing.Locked, 0x1e8u, 1u, 2u, false), (run.Mounts[0].Target, run.Mounts[0].Id, run.Mounts[0].Sharing, run.Mounts[0].Mode, run.Mounts[0].Uid, run.Mounts[0].Gid, run.Mounts[0].ReadOnly));
        Assert.Equal((MountType.Secret, true, true), (run.Mounts[1].Type, run.Mounts[1].Required, run.Mounts[1].ReadOnly));
        Assert.Equal("none", run.Network!.Text);
        Assert.Equal(["make"], run.Command.Args.Select(a => a.Text));
    }

    public static TheoryData<string, string?> Mounts() => new()
    {
        { "type=bind,target=/x", null },
        { "target=/x", null },
        { "type=tmpfs,target=/t,size=1g", null },
        { "type=ssh", null },
        { "type=cache,target=$DIR", null },
        { "type=bind,source=a,target=/x,readonly=false", null },
        { "", "failed to parse csv mounts" },
        { "type=volume,target=/x", "unsupported mount type" },
        { "type=cache,target=/x,nope=1", "unexpected key" },
        { "type=cache,target=/x,ro=maybe", "invalid value" },
        { "type=bind,target=/x,size=1m", "unexpected key" },
        { "sharing=locked,type=cache,target=/x", null },
        { "type=bind,target=/x,sharing=locked", "invalid cache sharing" },
        { "type=bind,target=/x,from=$STAGE", "doesn't support variable expansion" },
        { "type=bind,target=/x,from=a$", null },
        { "type=cache,target=/x,mode=9", "invalid value 9 for mode" },
        { "type=tmpfs,target=/x,uid=1", "uid not allowed" },
        { "type=secret", "one of source, target required" },
        { "type=secret,id=a,source=b", "both source and id" },
        { "type=bind", "invalid mount target" },
        { "type=bind,required,target=/x", "unexpected key 'required'" },
        { "type=cache,\"target=/x", "quoted-field" },
        { "type=cache,tar\"get=/x", "bare" },
    };

    [Theory]
    [MemberData(nameof(Mounts))]
    public void MountOptionsFollowBuildKit(string value, string? error)
    {
        var errors = new List<Diagnostic>();
        var span = SourceSpan.Lines("Dockerfile", 1, 1);
        var mount = RunMountParser.Parse(new Word(value, span), null, errors);
        if (error is null)
        {
            Assert.Empty(errors);
            Assert.NotNull(mount);
            return;
        }

        Assert.Null(mount);
        var diagnostic = Assert.Single(errors);
        Assert.Equal(ErrorCodes.DockerfileInvalidMount, diagnostic.Code);
        Assert.Contains(error, diagnostic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void MountExpanderIsAppliedWhenGiven()
    {
        var mount = RunMountParser.Parse(new Word("type=$T,target=$D", SourceSpan.Lines("f", 1, 1)), v => v.Replace("$T", "cache").Replace("$D", "/d"), []);
        Assert.Equal((MountType.Cache, "/d", false), (mount!.Type, mount.Target, mount.NeedsExpansion));
    }

    [Fact]
    public void LabsFlagsNeedTheLabsSwitch()
    {
        Assert.Equal(ErrorCodes.DockerfileUnknownFlag, Assert.Single(One("COPY --parents a b").Diagnostics).Code);
        var (i, d) = One("COPY --parents --exclude=*.md --exclude=x a b", labs: true);
        Assert.Empty(d);
        var copy = Assert.IsType<CopyInstruction>(i);
        Assert.True(copy.Options.Parents);
        Assert.Equal(["*.md", "x"], copy.Options.Excludes.Select(e => e.Text));
        Assert.Equal("insecure", Assert.IsType<RunInstruction>(One("RUN --security=insecure x", labs: true).Instruction).Security!.Text);
    }

    [Fact]
    public void CopyAndAddFlags()
    {
        var copy = Assert.IsType<CopyInstruction>(One("COPY --from=build --chown=1:2 --chmod=755 --link a b /dst").Instruction);
        Assert.Equal(("build", "1:2", "755", true), (copy.From!.Text, copy.Options.Chown!.Text, copy.Options.Chmod!.Text, copy.Options.Link));
        Assert.Equal(["a", "b"], copy.Sources.Select(s => s.Text));
        Assert.Equal("/dst", copy.Destination.Text);
        var add = Assert.IsType<AddInstruction>(One("ADD --keep-git-dir --checksum=sha256:abc https://x/y.git /src").Instruction);
        Assert.True(add.KeepGitDir);
        Assert.Equal("sha256:abc", add.Checksum!.Text);
        Assert.Single(add.DeferredErrors);
    }

    [Fact]
    public void HealthcheckOptions()
    {
        var h = Assert.IsType<HealthcheckInstruction>(One("HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=0 --retries=4 CMD true").Instruction);
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1.5), TimeSpan.Zero, 4), (h.Interval, h.Timeout, h.StartPeriod, h.Retries));
        Assert.Equal(["CMD-SHELL", "true"], h.Test.ToArray());
        Assert.Equal(["NONE"], Assert.IsType<HealthcheckInstruction>(One("healthcheck none").Instruction).Test.ToArray());
    }

    [Theory]
    [InlineData("1h", 3600.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("1.5s", 1.5)]
    [InlineData("300ms", 0.3)]
    [InlineData("2us", 0.000002)]
    [InlineData("0", 0.0)]
    [InlineData("-1s", -1.0)]
    public void GoDurations(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("s")]
    [InlineData("1x")]
    [InlineData("1..2s")]
    public void BadGoDurations(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Fact]
    public void FromKeepsStageNameCasingForLinters()
    {
        var from = Assert.IsType<FromInstruction>(One("from --platform=$BUILDPLATFORM golang AS Build").Instruction);
        Assert.Equal(("from", "build", "Build", "AS", "$BUILDPLATFORM"), (from.Keyword, from.StageName, from.StageNameWord!.Text, from.AsKeyword!.Text, from.Platform!.Text));
    }

    [Fact]
    public void UnknownInstructionSuggestsTheClosestName()
    {
        var d = Assert.Single(One("RUNN x").Diagnostics);
        Assert.Equal(ErrorCodes.DockerfileUnknownInstruction, d.Code);
        Assert.Contains("did you mean RUN", d.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OnbuildTriggerIsCheckedOnlyWhenAsked()
    {
        var (i, d) = One("ONBUILD COPY --bogus a b");
        Assert.Empty(d);
        var onbuild = Assert.IsType<OnbuildInstruction>(i);
        Assert.Equal("COPY --bogus a b", onbuild.Expression);
        var triggerErrors = new List<Diagnostic>();
        Assert.IsType<CopyInstruction>(onbuild.ParseTrigger(InstructionParserOptions.Default, triggerErrors));
        Assert.Equal(ErrorCodes.DockerfileUnknownFlag, Assert.Single(triggerErrors).Code);
    }
}
