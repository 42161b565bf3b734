namespace Kiln.Oci;

/// <summary>
/// Normalization of operating system and architecture names (Go's GOOS and GOARCH lists), with the
/// same results as containerd's platforms package: x86_64 is amd64, aarch64 is arm64, armhf is arm/v7.
/// </summary>
internal static class PlatformNames
{
    public const string Linux = "linux";

    public static bool IsKnownOS(string os) => os is "aix" or "android" or "darwin" or "dragonfly" or "freebsd" or "hurd"
        or "illumos" or "ios" or "js" or "linux" or "nacl" or "netbsd" or "openbsd" or "plan9" or "solaris" or "wasip1"
        or "windows" or "zos";

    public static bool IsKnownArchitecture(string architecture) => architecture is "386" or "amd64" or "amd64p32" or "arm"
        or "armbe" or "arm64" or "arm64be" or "ppc64" or "ppc64le" or "loong64" or "mips" or "mipsle" or "mips64"
        or "mips64le" or "mips64p32" or "mips64p32le" or "ppc" or "riscv" or "riscv64" or "s390" or "s390x" or "sparc"
        or "sparc64" or "wasm";

    /// <summary>Lowercases the OS name and maps "macos" to "darwin"; an empty name means Linux, kiln's only host OS.</summary>
    public static string NormalizeOS(string os)
    {
        if (os.Length == 0)
        {
            return Linux;
        }

        var lower = os.ToLowerInvariant();
        return lower == "macos" ? "darwin" : lower;
    }

    /// <summary>Maps an architecture and variant to their canonical names; the returned variant is empty when none applies.</summary>
    public static (string Architecture, string Variant) NormalizeArchitecture(string architecture, string variant)
    {
        var arch = architecture.ToLowerInvariant();
        var v = variant.ToLowerInvariant();
        return arch switch
        {
            "i386" => ("386", ""),
            "x86_64" or "x86-64" or "amd64" => ("amd64", v == "v1" ? "" : v),
            "aarch64" or "arm64" => ("arm64", v switch
            {
                "8" or "v8" or "v8.0" => "",
                "9" or "9.0" or "v9.0" => "v9",
                _ => v,
            }),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", v switch
            {
                "" or "7" => "v7",
                "5" or "6" or "8" => "v" + v,
                _ => v,
            }),
            _ => (arch, v),
        };
    }
}
