using System.Collections.Immutable;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Export.Load;

/// <summary>
/// <c>--load</c>: streams a Docker image archive (as <see cref="DockerArchiveWriter"/> writes it) into a Docker Engine
/// through its API (<c>POST /images/load</c>). Without a reachable engine it fails with KILN1932 and says how to get
/// the archive as a file instead.
/// </summary>
internal sealed class DockerLoader(DockerEndpoint endpoint) : IDisposable
{
    private readonly HttpClient http = CreateClient(endpoint);

    public DockerEndpoint Endpoint => endpoint;

    public static DockerLoader FromEnvironment() => new(DockerEndpoint.FromEnvironment());

    /// <summary>Whether the engine answers <c>GET /_ping</c>.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("_ping", cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Loads the archive; returns the engine's report lines (such as <c>Loaded image: NAME</c>).</summary>
    public async Task<ImmutableArray<string>> LoadAsync(Stream archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (!await IsReachableAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new KilnException(
                ErrorCodes.DockerEngineUnreachable,
                $"cannot load the image: no Docker Engine is reachable at {endpoint.Address}; start one (or set DOCKER_HOST), or write the image to a file with --output type=docker,dest=FILE and run `docker load -i FILE` where an engine runs");
        }

        using var content = new StreamContent(archive, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var request = new HttpRequestMessage(HttpMethod.Post, "images/load?quiet=1") { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            using var reader = new StreamReader(body);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                throw Failed($"the engine answered {(int)response.StatusCode}: {MessageOf(text) ?? text.Trim()}");
            }

            return await ReadReportAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ImmutableArray<string>> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await LoadAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Streams the single-platform image under <paramref name="root"/> into the engine as a Docker archive, without a
    /// temporary file. A multi-platform root fails first with KILN1910, as the docker output does.
    /// </summary>
    public async Task<ImmutableArray<string>> LoadImageAsync(
        ContentStore store, Descriptor root, ImmutableArray<string> repoTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        await DockerArchiveWriter.SelectImageAsync(store, root, cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe();
        var writing = WriteArchiveAsync(store, root, repoTags, pipe.Writer, stop.Token);
        try
        {
            var report = await LoadAsync(pipe.Reader.AsStream(), stop.Token).ConfigureAwait(false);
            await writing.ConfigureAwait(false);
            return report;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await Task.WhenAny(writing).ConfigureAwait(false);

            // An archive that could not be written (a missing blob, say) is the error to report, not the broken upload.
            if (writing.Exception?.InnerException is KilnException writeError)
            {
                ExceptionDispatchInfo.Throw(writeError);
            }

            throw;
        }
        finally
        {
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await Task.WhenAny(writing).ConfigureAwait(false);
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task WriteArchiveAsync(
        ContentStore store, Descriptor root, ImmutableArray<string> repoTags, PipeWriter writer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var stream = writer.AsStream(leaveOpen: true);
            await using (stream.ConfigureAwait(false))
            {
                await DockerArchiveWriter.WriteAsync(store, root, stream, repoTags, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The engine streams one JSON object per line: <c>{"stream": ...}</c> reports, or an <c>error</c>.</summary>
    private static async Task<ImmutableArray<string>> ReadReportAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = ParseLine(line);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                throw Failed(error.ToString());
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("stream", out var stream) && stream.GetString() is { } text)
            {
                lines.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return lines.ToImmutable();
    }

    private static JsonDocument ParseLine(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new KilnException(ErrorCodes.DockerLoadFailed, $"docker load: the engine sent an unreadable report line: {e.Message}", inner: e);
        }
    }

    private static string? MessageOf(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static KilnException Failed(string message) => new(ErrorCodes.DockerLoadFailed, $"docker load failed: {message}");

    private static HttpClient CreateClient(DockerEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler();
        if (endpoint.SocketPath is { } path)
        {
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { BaseAddress = endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }
}
