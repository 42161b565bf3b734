using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// A local directory used as a build context: the main context or a named one (<c>--build-context
/// name=DIR</c>), with the ignore rules that apply to it.
/// </summary>
internal sealed record LocalContext(string Name, string Directory, IgnoreMatcher Ignore, string? IgnoreFile)
{
    public const string DefaultName = "context";
    public const string DockerignoreName = ".dockerignore";

    /// <summary>
    /// Opens <paramref name="directory"/>. The ignore file is <c>&lt;Dockerfile&gt;.dockerignore</c> beside the
    /// Dockerfile when that exists (a relative Dockerfile path is taken from the context directory), else
    /// <c>.dockerignore</c> at the context root; malformed patterns throw
    /// <see cref="ErrorCodes.InvalidIgnorePattern"/> with their lines.
    /// </summary>
    public static LocalContext Open(string name, string directory, string? dockerfilePath = null)
    {
        var root = Path.GetFullPath(directory);
        if (!NativeStat.TryLstat(root, out var stat))
        {
            throw new KilnException(ErrorCodes.ContextNotFound, $"build context \"{name}\": {directory}: no such directory");
        }

        if (stat.IsSymlink)
        {
            root = new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? root;
            stat = NativeStat.Lstat(root);
        }

        if (!stat.IsDirectory)
        {
            throw new KilnException(ErrorCodes.ContextNotFound, $"build context \"{name}\": {directory}: not a directory");
        }

        var ignoreFile = FindIgnoreFile(root, dockerfilePath);
        var ignore = ignoreFile is null
            ? IgnoreMatcher.Empty
            : DockerignoreReader.ParseOrThrow(ReadIgnoreFile(root, ignoreFile), ignoreFile);
        return new LocalContext(name, root, ignore, ignoreFile);
    }

    private static string? FindIgnoreFile(string root, string? dockerfilePath)
    {
        if (dockerfilePath is not null)
        {
            var specific = Path.GetFullPath(dockerfilePath, root) + DockerignoreName;
            if (File.Exists(specific))
            {
                return specific;
            }
        }

        var general = Path.Combine(root, DockerignoreName);
        return NativeStat.TryLstat(general, out _) ? general : null;
    }

    // The root .dockerignore is itself context content, so a symlink there must stay inside the context.
    private static string ReadIgnoreFile(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && NativeStat.Lstat(file).IsSymlink)
        {
            var target = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;
            var fromRoot = Path.GetRelativePath(root, target);
            if (fromRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(fromRoot))
            {
                throw new KilnException(ErrorCodes.ContextPathEscapes, $"{relative} is a symlink to {target}, outside the build context");
            }
        }

        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read {file}: {ex.Message}", inner: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read {file}: {ex.Message}", inner: ex);
        }
    }
}
