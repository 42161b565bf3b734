using Kiln.Oci;

namespace Kiln.Content;

/// <summary>A committed blob: its digest and size in bytes.</summary>
internal readonly record struct ContentInfo(Digest Digest, long Size);
