using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Kiln.Build.Files;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots;
using Kiln.Snapshots.Unix;
using Kiln.Solver;

namespace Kiln.Build.Runners;

/// <summary>
/// Runs <see cref="HttpSourceOp"/> (ADD of a URL) as BuildKit's http source: the body, streamed into the content
/// store, must match the op's checksum; the result holds one file named as <see cref="FileName"/> says, mode
/// 0600 unless set, owned by the op's numeric owner, with the Last-Modified time (else the epoch). The key is the
/// checksum when given, else the digest of the body, downloaded once per URL and runner.
/// </summary>
internal sealed class HttpSourceRunner(ContentStore store, Snapshotter snapshotter, KilnPaths paths, HttpClient client) : OpRunner<HttpSourceOp>
{
    /// <summary>BuildKit's permission bits for a downloaded file.</summary>
    public const int DefaultMode = 0x180; // 0600

    private readonly ConcurrentDictionary<Uri, Lazy<Task<HttpDownload>>> downloads = new();

    /// <summary>The body of <paramref name="url"/> in the content store, fetched once per runner.</summary>
    public Task<HttpDownload> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var lazy = downloads.GetOrAdd(url, u => new Lazy<Task<HttpDownload>>(() => FetchAsync(u, CancellationToken.None)));
        var task = lazy.Value;
        task.ContinueWith(t => downloads.TryRemove(new KeyValuePair<Uri, Lazy<Task<HttpDownload>>>(url, lazy)), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The file name in the result, as BuildKit picks it: the op's, else the Content-Disposition file name, else the
    /// last URL path element, else "download".
    /// </summary>
    public static string FileName(HttpSourceOp op, string? dispositionName)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (!string.IsNullOrEmpty(op.Filename))
        {
            return op.Filename;
        }

        if (!string.IsNullOrEmpty(dispositionName) && !dispositionName.EndsWith('/') && ScopedPath.Base(dispositionName) is { Length: > 0 } named && named != "/")
        {
            return named;
        }

        var segment = ScopedPath.Base(Uri.UnescapeDataString(op.Url.AbsolutePath));
        return segment is "/" or "." or "" ? "download" : segment;
    }

    protected override async ValueTask<string?> ResolveKeyAsync(HttpSourceOp op, Vertex vertex, CancellationToken cancellationToken)
    {
        if (op.Checksum is { } checksum)
        {
            return checksum.ToString();
        }

        var download = await DownloadAsync(op.Url, cancellationToken).ConfigureAwait(false);
        return download.Digest.ToString();
    }

    protected override async Task<ImmutableArray<OpResult>> RunAsync(HttpSourceOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        var download = await DownloadAsync(op.Url, cancellationToken).ConfigureAwait(false);
        if (op.Checksum is { } expected && expected != download.Digest)
        {
            throw new KilnException(
                ErrorCodes.HttpChecksumMismatch,
                $"digest mismatch for {op.Url}: expected {expected}, got {download.Digest}",
                context.Vertex.Metadata.Source);
        }

        var result = await ResultSnapshots.CreateAsync(
            snapshotter,
            paths,
            ResultSnapshots.Name(context.CacheKey),
            null,
            (directory, token) => WriteAsync(op, download, directory, token),
            mount: false,
            cancellationToken).ConfigureAwait(false);
        return [result];
    }

    private async Task WriteAsync(HttpSourceOp op, HttpDownload download, string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, ScopedPath.Base(FileName(op, download.DispositionName)));
        var blob = store.OpenRead(download.Digest);
        await using (blob.ConfigureAwait(false))
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using (file.ConfigureAwait(false))
            {
                await blob.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        FileOps.Chown(path, Id(op.Owner?.User), Id(op.Owner?.Group ?? op.Owner?.User));
        FileOps.Chmod(path, (uint)(op.Mode ?? DefaultMode));
        PathMetadata.SetTime(path, download.LastModified ?? DateTimeOffset.UnixEpoch);
    }

    private static int Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private async Task<HttpDownload> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new KilnException(
                    ErrorCodes.HttpDownloadFailed,
                    $"invalid response status {(int)response.StatusCode} {response.ReasonPhrase} downloading {url}");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var info = await store.IngestAsync(body, Oci.Digest.Sha256Algorithm, cancellationToken).ConfigureAwait(false);
                var disposition = response.Content.Headers.ContentDisposition;
                var name = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
                return new HttpDownload(info.Digest, info.Size, response.Content.Headers.LastModified, name);
            }
        }
        catch (HttpRequestException e)
        {
            throw new KilnException(ErrorCodes.HttpDownloadFailed, $"downloading {url}: {e.Message}", inner: e);
        }
    }
}
