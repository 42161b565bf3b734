namespace Kiln.Exec.Emulation;

/// <summary>
/// A binfmt_misc entry (<c>/proc/sys/fs/binfmt_misc/qemu-&lt;arch&gt;</c>): whether it is enabled, its interpreter
/// and its flags. The F flag (fix binary) makes the kernel open the interpreter at registration time, which is what
/// lets it run inside a container whose rootfs has no QEMU.
/// </summary>
internal sealed record BinfmtRegistration(bool Enabled, string Interpreter, string Flags)
{
    public bool FixBinary => Flags.Contains('F', StringComparison.Ordinal);

    public static BinfmtRegistration Parse(string text)
    {
        var enabled = false;
        var interpreter = "";
        var flags = "";
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line == "enabled")
            {
                enabled = true;
            }
            else if (line.StartsWith("interpreter ", StringComparison.Ordinal))
            {
                interpreter = line["interpreter ".Length..].Trim();
            }
            else if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                flags = line["flags:".Length..].Trim();
            }
        }

        return new BinfmtRegistration(enabled, interpreter, flags);
    }
}
