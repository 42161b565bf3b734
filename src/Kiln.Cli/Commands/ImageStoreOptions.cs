using System.CommandLine;
using Kiln.Content;
using Kiln.Content.Images;

namespace Kiln.Cli.Commands;

/// <summary>The <c>--root</c> option the local image store commands share, and opening the store it names.</summary>
internal static class ImageStoreOptions
{
    public static Option<string?> Root() =>
        new("--root") { Description = $"kiln state directory (default: ${KilnPaths.RootVariable}, else the per-user data directory)" };

    public static Task<LocalImageStore> OpenAsync(ParseResult parse, Option<string?> root, CancellationToken cancellationToken)
    {
        var paths = parse.GetValue(root) is { Length: > 0 } explicitRoot ? new KilnPaths(explicitRoot) : KilnPaths.FromEnvironment();
        return LocalImageStore.OpenAsync(paths, cancellationToken);
    }
}
