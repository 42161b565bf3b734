using Kiln.Diagnostics;

namespace Kiln.Content;

/// <summary>
/// Where kiln keeps its state: <c>$KILN_ROOT</c>, else <c>/var/lib/kiln</c> for root, else
/// <c>$XDG_DATA_HOME/kiln</c> (or <c>~/.local/share/kiln</c>). Every other path derives from <see cref="Root"/>.
/// </summary>
internal sealed record KilnPaths
{
    public const string RootVariable = "KILN_ROOT";
    public const string SystemRoot = "/var/lib/kiln";

    public KilnPaths(string root)
    {
        if (string.IsNullOrEmpty(root))
        {
            throw new KilnException(ErrorCodes.StoreRootUnresolved, "the kiln root directory is empty");
        }

        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root { get; }

    public string ContentDirectory => Path.Combine(Root, "content");

    /// <summary>Committed blobs, as <c>blobs/&lt;algorithm&gt;/&lt;hex&gt;</c>.</summary>
    public string BlobsDirectory => Path.Combine(ContentDirectory, "blobs");

    /// <summary>Partial writes; nothing here is ever read as content.</summary>
    public string IngestDirectory => Path.Combine(ContentDirectory, "ingest");

    public string MetadataDatabase => Path.Combine(Root, "metadata.db");

    /// <summary>Resolves the root of the current process from its environment and privileges.</summary>
    public static KilnPaths FromEnvironment() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.IsPrivilegedProcess);

    /// <summary>Resolves the root from an injected environment, so that callers and tests never touch process state.</summary>
    public static KilnPaths Resolve(Func<string, string?> getEnvironmentVariable, bool isPrivileged)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var explicitRoot = getEnvironmentVariable(RootVariable);
        if (!string.IsNullOrEmpty(explicitRoot))
        {
            return new KilnPaths(explicitRoot);
        }

        if (isPrivileged)
        {
            return new KilnPaths(SystemRoot);
        }

        // The XDG base directory spec says a relative value must be ignored.
        var dataHome = getEnvironmentVariable("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(dataHome) && Path.IsPathRooted(dataHome))
        {
            return new KilnPaths(Path.Combine(dataHome, "kiln"));
        }

        var home = getEnvironmentVariable("HOME");
        if (!string.IsNullOrEmpty(home) && Path.IsPathRooted(home))
        {
            return new KilnPaths(Path.Combine(home, ".local", "share", "kiln"));
        }

        throw new KilnException(
            ErrorCodes.StoreRootUnresolved,
            $"cannot choose a kiln root directory: set {RootVariable}, XDG_DATA_HOME or HOME to an absolute path");
    }
}
