using System.CommandLine;

namespace Kiln.Cli.Commands;

/// <summary>`kiln image`: manage kiln's local image store (ls, rm).</summary>
internal static class ImageCommand
{
    public static Command Create()
    {
        var command = new Command("image", "Manage images in kiln's local image store");
        var list = ImagesCommand.Create("ls");
        list.Aliases.Add("list");
        command.Subcommands.Add(list);
        command.Subcommands.Add(ImageRmCommand.Create());
        return command;
    }
}
