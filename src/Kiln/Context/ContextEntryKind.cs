namespace Kiln.Context;

/// <summary>The kind of a build-context entry.</summary>
internal enum ContextEntryKind
{
    File,
    Directory,
    Symlink,

    /// <summary>A FIFO, socket or device node: recorded with its mode, never read.</summary>
    Special,
}
