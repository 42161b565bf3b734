using System.Net;

namespace Kiln.IntegrationTests.Registry;

/// <summary>
/// An HTTP reverse proxy in front of a real registry that injects scripted faults: error statuses (5xx, 429 with
/// Retry-After, 401 with a given challenge), dropped connections, truncated and corrupted bodies.
/// </summary>
internal sealed class FaultProxy : IDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "Proxy-Connection", "Upgrade", "Date", "Server",
    };

    private readonly HttpListener listener = new();
    private readonly HttpClient upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly List<Rule> rules = [];
    private readonly List<string> log = [];
    private readonly string upstreamAddress;
    private readonly Task loop;

    public FaultProxy(string upstreamAddress)
    {
        this.upstreamAddress = upstreamAddress;
        var port = LocalRegistry.FreePort();
        Address = $"127.0.0.1:{port}";
        listener.Prefixes.Add($"http://{Address}/");
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public string Address { get; }

    public int FaultsServed { get; private set; }

    /// <summary>Requests seen, as "METHOD /path", in arrival order.</summary>
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

    /// <summary>Serves <paramref name="fault"/> to the next <paramref name="times"/> requests that match.</summary>
    public void Inject(string method, string pathContains, Fault fault, int times = 1)
    {
        lock (rules)
        {
            rules.Add(new Rule(method, pathContains, fault) { Remaining = times });
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        upstream.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.PathAndQuery;
        lock (log)
        {
            log.Add($"{request.HttpMethod} {path}");
        }

        try
        {
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var fault = Take(request.HttpMethod, path);
            if (fault is { Kind: FaultKind.Status })
            {
                context.Response.StatusCode = fault.Status;
                foreach (var (name, value) in fault.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                context.Response.ContentLength64 = 0;
                context.Response.Close();
                return;
            }

            if (fault is { Kind: FaultKind.Drop })
            {
                context.Response.Abort();
                return;
            }

            await ForwardAsync(context, body.ToArray(), fault).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }

    private async Task ForwardAsync(HttpListenerContext context, byte[] body, Fault? fault)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), $"http://{upstreamAddress}{request.Url!.PathAndQuery}");
        message.Headers.Host = Address;
        if (body.Length > 0 || request.HttpMethod is "PUT" or "POST" or "PATCH")
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var name in request.Headers.AllKeys.OfType<string>())
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            var value = request.Headers[name]!;
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await upstream.SendAsync(message).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var output = context.Response;
        output.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (HopHeaders.Contains(header.Key))
            {
                continue;
            }

            if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                output.ContentType = string.Join(", ", header.Value);
                continue;
            }

            output.Headers[header.Key] = string.Join(", ", header.Value);
        }

        var length = response.Content.Headers.ContentLength ?? bytes.Length;
        output.ContentLength64 = length;
        if (request.HttpMethod == "HEAD" || bytes.Length == 0)
        {
            output.Close();
            return;
        }

        if (fault is { Kind: FaultKind.CorruptBody })
        {
            bytes[bytes.Length / 2] ^= 0xff;
        }

        if (fault is { Kind: FaultKind.Truncate })
        {
            await output.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
            await output.OutputStream.FlushAsync().ConfigureAwait(false);
            output.Abort();
            return;
        }

        await output.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        output.Close();
    }

    private Fault? Take(string method, string path)
    {
        lock (rules)
        {
            foreach (var rule in rules)
            {
                if (rule.Remaining > 0 && rule.Method == method && path.Contains(rule.PathContains, StringComparison.Ordinal))
                {
                    rule.Remaining--;
                    FaultsServed++;
                    return rule.Fault;
                }
            }
        }

        return null;
    }

    private sealed record Rule(string Method, string PathContains, Fault Fault)
    {
        public int Remaining { get; set; }
    }
}
