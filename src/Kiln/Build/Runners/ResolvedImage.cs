using Kiln.Oci;

namespace Kiln.Build.Runners;

/// <summary>An image reference resolved to the manifest of one platform, with the verified manifest bytes.</summary>
internal sealed record ResolvedImage(Reference Repository, Descriptor Descriptor, ReadOnlyMemory<byte> Bytes, Manifest Manifest);
