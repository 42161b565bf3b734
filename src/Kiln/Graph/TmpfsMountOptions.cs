namespace Kiln.Graph;

/// <summary>A memory-backed mount; size in bytes, 0 for the kernel default.</summary>
internal sealed record TmpfsMountOptions(long Size = 0);
