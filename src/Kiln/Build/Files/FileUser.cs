namespace Kiln.Build.Files;

/// <summary>A resolved numeric owner that a file action gives every path it creates.</summary>
internal readonly record struct FileUser(int Uid, int Gid);
