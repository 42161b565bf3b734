using System.CommandLine;

namespace Kiln.Cli.Commands;

/// <summary>`kiln image rm [-f] IMAGE...`: removes names (or every name of an image ID) from kiln's local image store; blobs stay.</summary>
internal static class ImageRmCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("IMAGE") { Arity = ArgumentArity.OneOrMore, Description = "Image names to remove" };
        var force = new Option<bool>("--force", "-f") { Description = "Remove every name of an image given by ID" };
        var root = ImageStoreOptions.Root();
        var command = new Command("rm", "Remove one or more images from kiln's local image store") { names, force, root };
        command.Aliases.Add("remove");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = await ImageStoreOptions.OpenAsync(parse, root, cancellationToken).ConfigureAwait(false);
            var removal = await store.RemoveAsync(parse.GetValue(names) ?? [], parse.GetValue(force), cancellationToken).ConfigureAwait(false);
            foreach (var name in removal.Removed)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Untagged: {name}").ConfigureAwait(false);
            }

            removal.ThrowIfFailed();
            return 0;
        });
        return command;
    }
}
