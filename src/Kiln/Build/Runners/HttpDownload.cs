using Kiln.Oci;

namespace Kiln.Build.Runners;

/// <summary>
/// A downloaded file: its blob in the content store, the server's Last-Modified time and the file name of its
/// Content-Disposition header, when it sent them.
/// </summary>
internal sealed record HttpDownload(Digest Digest, long Size, DateTimeOffset? LastModified, string? DispositionName = null);
