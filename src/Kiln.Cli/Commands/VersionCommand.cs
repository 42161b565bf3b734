using System.CommandLine;
using System.Reflection;

namespace Kiln.Cli.Commands;

/// <summary>`kiln version`: prints kiln's version.</summary>
internal static class VersionCommand
{
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? "0.0.0";

    public static Command Create()
    {
        var command = new Command("version", "Show kiln's version");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"kiln {Version}");
            return 0;
        });
        return command;
    }
}
