namespace Kiln.Context;

/// <summary>Reads context files from disk with sequential-scan hints and no symlink following at the last step.</summary>
internal sealed class ContextFileReader : IContextFileReader
{
    public static ContextFileReader Instance { get; } = new();

    public Stream OpenRead(string fullPath) =>
        new FileStream(fullPath, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.SequentialScan,
            BufferSize = 0,
        });
}
