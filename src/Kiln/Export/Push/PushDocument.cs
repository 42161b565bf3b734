using Kiln.Oci;

namespace Kiln.Export.Push;

/// <summary>A manifest or index to push, with its exact stored bytes.</summary>
internal sealed record PushDocument(Descriptor Descriptor, byte[] Bytes);
