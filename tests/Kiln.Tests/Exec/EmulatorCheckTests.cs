using Kiln.Diagnostics;
using Kiln.Exec.Emulation;
using Kiln.Oci;

namespace Kiln.Tests.Exec;

public sealed class EmulatorCheckTests
{
    private static readonly Platform Amd64 = new("linux", "amd64");

    [Fact]
    public void ParsesARegistration()
    {
        var entry = BinfmtRegistration.Parse("enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: POF\noffset 0\nmagic 7f45\n");
        Assert.Equal(new BinfmtRegistration(true, "/usr/libexec/qemu-binfmt/aarch64-binfmt-P", "POF"), entry);
        Assert.True(entry.FixBinary);
        Assert.False(BinfmtRegistration.Parse("disabled\nflags: P\n").FixBinary);
    }

    [Theory]
    [InlineData("linux/arm64", "aarch64")]
    [InlineData("linux/arm/v7", "arm")]
    [InlineData("linux/arm/v6", "arm")]
    [InlineData("linux/riscv64", "riscv64")]
    [InlineData("linux/s390x", "s390x")]
    [InlineData("linux/ppc64le", "ppc64le")]
    [InlineData("linux/386", "i386")]
    [InlineData("linux/mips64le", "mips64el")]
    [InlineData("linux/loong64", "loongarch64")]
    [InlineData("linux/amd64", "x86_64")]
    [InlineData("linux/sparc", null)]
    public void MapsArchitecturesToQemuNames(string platform, string? qemu) =>
        Assert.Equal(qemu, EmulatorCheck.QemuArchitecture(Platform.Parse(platform)));

    [Theory]
    [InlineData("linux/amd64", null)]
    [InlineData("linux/386", null)]
    [InlineData("linux/arm64", null)]
    [InlineData("linux/s390x", "not registered")]
    [InlineData("linux/riscv64", "disabled")]
    [InlineData("linux/ppc64le", "F flag")]
    [InlineData("linux/sparc", "no QEMU")]
    public void RequiresAnEnabledHandlerWithTheFixBinaryFlag(string platform, string? problem)
    {
        using var binfmt = new TempDirectory();
        File.WriteAllText(Path.Combine(binfmt.Path, "qemu-aarch64"), "enabled\ninterpreter /q\nflags: OCF\n");
        File.WriteAllText(Path.Combine(binfmt.Path, "qemu-riscv64"), "disabled\ninterpreter /q\nflags: F\n");
        File.WriteAllText(Path.Combine(binfmt.Path, "qemu-ppc64le"), "enabled\ninterpreter /q\nflags: P\n");
        var span = SourceSpan.Lines("Dockerfile", 2, 2);
        if (problem is null)
        {
            EmulatorCheck.Require(Platform.Parse(platform), Amd64, binfmt.Path, span);
            return;
        }

        var error = Assert.Throws<KilnException>(() => EmulatorCheck.Require(Platform.Parse(platform), Amd64, binfmt.Path, span));
        Assert.Equal(ErrorCodes.EmulatorMissing, error.Code);
        Assert.Equal(span, error.Span);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        if (problem != "no QEMU")
        {
            Assert.Contains("apt-get install qemu-user-static", error.Message, StringComparison.Ordinal);
            Assert.Contains("scripts/setup.sh binfmt", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OnlyLinuxStepsRun() =>
        Assert.Equal(ErrorCodes.NotSupported, Assert.Throws<KilnException>(() => EmulatorCheck.Require(new Platform("windows", "amd64"), Amd64, "/nonexistent")).Code);
}
