using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Maps tar entry names to host paths strictly inside one directory. Names are cleaned lexically (absolute names and
/// <c>..</c> that climbs above the root are refused); symlinks met in parent components are followed only while they
/// stay inside the root, and a symlink whose target is absolute or climbs out is refused (KILN1710), so no write
/// can ever land outside whatever the tar contains. Lower layers (overlay) are consulted for parents not yet in the upper.
/// </summary>
internal sealed class SafeRoot
{
    private const int MaxSymlinks = 40;
    private const int MaxNameBytes = 255;
    private const int MaxPathBytes = 4095;

    public SafeRoot(string root, Digest layer, ImmutableArray<string> lowerRoots = default)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Layer = layer;
        LowerRoots = lowerRoots.IsDefault ? [] : lowerRoots;
    }

    public string Root { get; }

    public Digest Layer { get; }

    /// <summary>Read-only lower directories, newest first, that together with <see cref="Root"/> form the merged view.</summary>
    public ImmutableArray<string> LowerRoots { get; }

    /// <summary>The cleaned relative form of an entry name ("" for the root itself), or a KILN1710 error.</summary>
    public string Clean(string entryName)
    {
        if (entryName.StartsWith('/'))
        {
            throw Unsafe(entryName, "is an absolute path");
        }

        if (entryName.Contains('\0', StringComparison.Ordinal))
        {
            throw Unsafe(entryName, "contains a NUL byte");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(entryName) > MaxPathBytes)
        {
            throw Unsafe(entryName[..64] + "...", $"is longer than {MaxPathBytes} bytes");
        }

        var parts = new List<string>();
        foreach (var part in entryName.Split('/'))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(part) > MaxNameBytes)
            {
                throw Unsafe(entryName, $"has a path component longer than {MaxNameBytes} bytes");
            }

            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw Unsafe(entryName, "climbs above the layer root");
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// The host path of a cleaned relative path with every parent symlink resolved inside the root; the last component
    /// is not followed. Returns the resolved relative path too (the one writes must use).
    /// </summary>
    public (string HostPath, string Relative) Resolve(string relative, string entryName)
    {
        if (relative.Length == 0)
        {
            return (Root, "");
        }

        var components = relative.Split('/');
        var pending = new LinkedList<string>(components[..^1]);
        var resolved = new List<string>();
        var links = 0;
        while (pending.First is { } node)
        {
            pending.RemoveFirst();
            var part = node.Value;
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count == 0)
                {
                    throw Unsafe(entryName, "follows a symlink above the layer root");
                }

                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            var candidate = resolved.Count == 0 ? part : $"{string.Join('/', resolved)}/{part}";
            if (Lookup(candidate) is { } found && found.Status.IsSymlink)
            {
                if (++links > MaxSymlinks)
                {
                    throw Unsafe(entryName, "passes through too many symlinks");
                }

                var target = new FileInfo(found.HostPath).LinkTarget ?? "";
                if (target.StartsWith('/'))
                {
                    throw Unsafe(entryName, $"passes through symlink \"{candidate}\" to the absolute path \"{target}\"");
                }

                var targetParts = target.Split('/');
                for (var i = targetParts.Length - 1; i >= 0; i--)
                {
                    pending.AddFirst(targetParts[i]);
                }

                continue;
            }

            resolved.Add(part);
        }

        resolved.Add(components[^1]);
        var resolvedRelative = string.Join('/', resolved);
        return (Path.Combine(Root, resolvedRelative), resolvedRelative);
    }

    /// <summary>The host path of an entry name: cleaned, then resolved.</summary>
    public (string HostPath, string Relative) ResolveEntry(string entryName) => Resolve(Clean(entryName), entryName);

    /// <summary>
    /// lstat of a relative path in the merged view: the root first, then each lower; a whiteout hides lower copies.
    /// </summary>
    public (string HostPath, FileStatus Status)? Lookup(string relative)
    {
        var upper = Path.Combine(Root, relative);
        if (FileStatus.TryGet(upper) is { } status)
        {
            return status.IsWhiteout && LowerRoots.Length > 0 ? null : (upper, status);
        }

        return LookupLower(relative);
    }

    /// <summary>lstat of a relative path in the lower layers only (the first one holding it wins; a whiteout hides it).</summary>
    public (string HostPath, FileStatus Status)? LookupLower(string relative)
    {
        foreach (var lower in LowerRoots)
        {
            var path = Path.Combine(lower, relative);
            if (FileStatus.TryGet(path) is { } lowerStatus)
            {
                return lowerStatus.IsWhiteout ? null : (path, lowerStatus);
            }
        }

        return null;
    }

    public KilnException Unsafe(string entryName, string reason) =>
        new(ErrorCodes.LayerUnsafeEntry, $"layer {Layer}: entry \"{entryName}\" {reason}; refusing to extract it");
}
