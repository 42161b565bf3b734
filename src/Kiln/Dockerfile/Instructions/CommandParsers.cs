using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses the instructions that carry a command: CMD, ENTRYPOINT and SHELL.</summary>
internal static class CommandParsers
{
    public static Instruction? ParseCmd(InstructionContext c)
    {
        c.Flags();
        return new CmdInstruction(c.Node, CommandLine.From(c.Node));
    }

    public static Instruction? ParseEntrypoint(InstructionContext c)
    {
        c.Flags();
        return new EntrypointInstruction(c.Node, CommandLine.From(c.Node));
    }

    public static Instruction? ParseShell(InstructionContext c)
    {
        c.Flags();
        if (!c.AtLeastOne())
        {
            return null;
        }

        if (!c.Node.IsJson)
        {
            c.Error(ErrorCodes.DockerfileShellRequiresJson, "SHELL requires the arguments to be in JSON form");
            return null;
        }

        return new ShellInstruction(c.Node, c.Node.Args);
    }
}
