using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kiln.IntegrationTests.Registry;

/// <summary>
/// An HTTP/1.1 reverse proxy on a raw TCP socket in front of a real registry that injects scripted faults:
/// error statuses (5xx, 429 with Retry-After, 401 with a given challenge), connections reset before any answer,
/// bodies cut off midway and corrupted bodies. Everything else is forwarded faithfully.
/// </summary>
internal sealed class FaultProxy : IDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "Proxy-Connection", "Upgrade",
    };

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly CancellationTokenSource stop = new();
    private readonly List<FaultRule> rules = [];
    private readonly List<string> log = [];
    private readonly string upstreamAddress;
    private int faultsServed;

    public FaultProxy(string upstreamAddress)
    {
        this.upstreamAddress = upstreamAddress;
        listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _ = Task.Run(AcceptLoopAsync);
    }

    public string Address { get; }

    public int FaultsServed => Volatile.Read(ref faultsServed);

    /// <summary>Requests seen, as "METHOD /path?query", in arrival order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    /// <summary>Serves <paramref name="fault"/> to the next <paramref name="times"/> requests whose method matches and whose path contains the text.</summary>
    public void Inject(string method, string pathContains, Fault fault, int times = 1)
    {
        lock (rules)
        {
            rules.Add(new FaultRule(method, pathContains, fault) { Remaining = times });
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        upstream.Dispose();
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeConnectionAsync(socket));
        }
    }

    private async Task ServeConnectionAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                while (await ReadRequestAsync(stream).ConfigureAwait(false) is { } request)
                {
                    lock (log)
                    {
                        log.Add($"{request.Method} {request.Target}");
                    }

                    if (!await ServeAsync(socket, stream, request).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or HttpRequestException or ObjectDisposedException)
            {
                // the client went away
            }
        }
    }

    /// <summary>Answers one request; false when the connection must close (a fault cut it).</summary>
    private async Task<bool> ServeAsync(Socket socket, NetworkStream stream, ProxyRequest request)
    {
        var fault = Take(request.Method, request.Target);
        switch (fault?.Kind)
        {
            case FaultKind.Drop:
                socket.LingerState = new LingerOption(true, 0);
                return false;
            case FaultKind.Status:
                var headers = fault.Headers.Select(h => (h.Name, h.Value)).Append(("Content-Length", "0"));
                await WriteHeadAsync(stream, fault.Status, headers).ConfigureAwait(false);
                return true;
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), $"http://{upstreamAddress}{request.Target}");
        message.Headers.Host = Address;
        if (request.Body.Length > 0 || request.Method is "PUT" or "POST" or "PATCH")
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers.Where(h => !HopHeaders.Contains(h.Name)))
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await upstream.SendAsync(message).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var length = response.Content.Headers.ContentLength ?? body.Length;
        var responseHeaders = response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopHeaders.Contains(h.Key))
            .SelectMany(h => h.Value.Select(v => (h.Key, v)))
            .Append(("Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await WriteHeadAsync(stream, (int)response.StatusCode, responseHeaders).ConfigureAwait(false);
        if (request.Method == "HEAD" || body.Length == 0)
        {
            return true;
        }

        if (fault?.Kind == FaultKind.CorruptBody)
        {
            body[body.Length / 2] ^= 0xff;
        }

        if (fault?.Kind == FaultKind.Truncate)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2)).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            socket.LingerState = new LingerOption(true, 0);
            return false;
        }

        await stream.WriteAsync(body).ConfigureAwait(false);
        return true;
    }

    private static async Task WriteHeadAsync(NetworkStream stream, int status, IEnumerable<(string Name, string Value)> headers)
    {
        var head = new StringBuilder();
        head.Append(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        307 => "Temporary Redirect",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => status >= 500 ? "Server Error" : "Status",
    };

    private static async Task<ProxyRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    break;
                }

                lines.Add(text);
            }
            else
            {
                line.Append((char)one[0]);
            }
        }

        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => (Name: p[0].Trim(), Value: p[1].Trim())).ToList();
        var contentLength = headers.Where(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => long.Parse(h.Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[contentLength];
        await stream.ReadExactlyAsync(body).ConfigureAwait(false);
        return new ProxyRequest(requestLine[0], requestLine[1], headers, body);
    }

    private Fault? Take(string method, string target)
    {
        lock (rules)
        {
            foreach (var rule in rules)
            {
                if (rule.Remaining > 0 && rule.Method == method && target.Contains(rule.PathContains, StringComparison.Ordinal))
                {
                    rule.Remaining--;
                    Interlocked.Increment(ref faultsServed);
                    return rule.Fault;
                }
            }
        }

        return null;
    }

    private sealed record ProxyRequest(string Method, string Target, List<(string Name, string Value)> Headers, byte[] Body);

    private sealed record FaultRule(string Method, string PathContains, Fault Fault)
    {
        public int Remaining { get; set; }
    }
}
