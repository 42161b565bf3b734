using System.Globalization;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// One path of an image's final filesystem as the differential suite compares it: type, permission bits (octal, with
/// setuid/setgid/sticky), owner, size and sha256 of regular files, link target of symlinks (device numbers of devices).
/// Modification times are left out: the builders stamp them at different moments, and even with SOURCE_DATE_EPOCH
/// BuildKit 0.13 clamps them only under the exporter option rewrite-timestamp=true, which the suite does not pass.
/// </summary>
internal sealed record FileEntry(string Path, string Type, int Mode, int Uid, int Gid, long Size, string? Sha256, string? Link)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path} {Type} {Convert.ToString(Mode, 8)} {Uid}:{Gid} size={Size}")
        + (Sha256 is null ? "" : $" sha256={Sha256[..12]}") + (Link is null ? "" : $" -> {Link}");
}
