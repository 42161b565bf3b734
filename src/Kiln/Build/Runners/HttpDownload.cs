using Kiln.Oci;

namespace Kiln.Build.Runners;

/// <summary>A downloaded file: its blob in the content store and the server's Last-Modified time, if it sent one.</summary>
internal sealed record HttpDownload(Digest Digest, long Size, DateTimeOffset? LastModified);
