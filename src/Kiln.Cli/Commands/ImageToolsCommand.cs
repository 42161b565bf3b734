using System.CommandLine;

namespace Kiln.Cli.Commands;

/// <summary>`kiln imagetools`: work on images in a registry (inspect, create).</summary>
internal static class ImageToolsCommand
{
    public static Command Create()
    {
        var command = new Command("imagetools", "Commands to work on images in registry");
        command.Subcommands.Add(ImageToolsInspectCommand.Create());
        command.Subcommands.Add(ImageToolsCreateCommand.Create());
        return command;
    }
}
