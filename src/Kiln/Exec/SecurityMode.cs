namespace Kiln.Exec;

/// <summary>
/// <see cref="Sandbox"/>: Docker's default capabilities, masked and read-only /proc and /sys paths.
/// <see cref="Insecure"/>: every capability, nothing masked, /sys and cgroupfs writable, every device allowed;
/// it needs the <c>security.insecure</c> entitlement.
/// </summary>
internal enum SecurityMode
{
    Sandbox,
    Insecure,
}
