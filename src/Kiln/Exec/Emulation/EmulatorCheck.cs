using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Exec.Emulation;

/// <summary>
/// Decides whether a step's platform runs natively or under QEMU user-mode emulation, and for the latter that a
/// usable binfmt_misc handler is registered (enabled, with the F flag). Nothing is set up here: a missing handler
/// is an error naming the fix.
/// </summary>
internal static class EmulatorCheck
{
    public const string BinfmtDirectory = "/proc/sys/fs/binfmt_misc";

    /// <summary>The name QEMU and binfmt_misc use for an OCI architecture, or null when QEMU has none.</summary>
    public static string? QemuArchitecture(Platform platform) => platform.Architecture switch
    {
        "amd64" => "x86_64",
        "386" => "i386",
        "arm64" => "aarch64",
        "arm" => "arm",
        "riscv64" => "riscv64",
        "s390x" => "s390x",
        "ppc64le" => "ppc64le",
        "mips64le" => "mips64el",
        "mips64" => "mips64",
        "loong64" => "loongarch64",
        _ => null,
    };

    /// <summary>Same architecture, or 386 on an amd64 host, runs without emulation.</summary>
    public static bool IsNative(Platform target, Platform host) =>
        target.Architecture == host.Architecture || (host.Architecture == "amd64" && target.Architecture == "386");

    /// <summary>Throws <see cref="ErrorCodes.EmulatorMissing"/> unless <paramref name="target"/> can run on this host.</summary>
    public static void Require(Platform target, Platform host, string binfmtDirectory = BinfmtDirectory, SourceSpan? span = null)
    {
        if (target.OS != PlatformNames.Linux)
        {
            throw new KilnException(ErrorCodes.NotSupported, $"cannot run a step for {target}: only linux steps can run", span);
        }

        if (IsNative(target, host))
        {
            return;
        }

        var arch = QemuArchitecture(target)
            ?? throw new KilnException(ErrorCodes.EmulatorMissing, $"no QEMU emulator exists for {target.Architecture}", span);
        var entry = Path.Combine(binfmtDirectory, "qemu-" + arch);
        if (!File.Exists(entry))
        {
            throw Missing(target, arch, "is not registered", span);
        }

        var registration = BinfmtRegistration.Parse(File.ReadAllText(entry));
        if (!registration.Enabled)
        {
            throw Missing(target, arch, "is registered but disabled", span);
        }

        if (!registration.FixBinary)
        {
            throw Missing(target, arch, $"is registered without the F flag (flags: {registration.Flags}), so it cannot run inside a container", span);
        }
    }

    private static KilnException Missing(Platform target, string arch, string problem, SourceSpan? span) => new(
        ErrorCodes.EmulatorMissing,
        $"cannot run a step for {target} on this {Platform.Current.Architecture} host: the QEMU binfmt_misc handler qemu-{arch} {problem}; " +
        "install it with `apt-get install qemu-user-static` and register it with `scripts/setup.sh binfmt` (or `test-env.sh binfmt`)",
        span);
}
