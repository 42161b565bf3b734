using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.Export.Push;

/// <summary>What happened to one config or layer blob in one target repository.</summary>
internal sealed record PushedBlob(Reference Repository, Descriptor Blob, BlobPushResult Outcome);
