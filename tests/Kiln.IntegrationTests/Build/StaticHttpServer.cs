using System.Collections.Concurrent;
using System.Net;
using Kiln.IntegrationTests.Registry;

namespace Kiln.IntegrationTests.Build;

/// <summary>A tiny HTTP server on 127.0.0.1 serving fixed bodies with an optional Last-Modified time and Content-Disposition name; counts requests per path.</summary>
internal sealed class StaticHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, byte[]> bodies;
    private readonly Task loop;

    public StaticHttpServer(Dictionary<string, byte[]> bodies, DateTimeOffset? lastModified, string? dispositionName = null)
    {
        DispositionName = dispositionName;
        this.bodies = bodies;
        LastModified = lastModified;
        var port = LocalRegistry.FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public DateTimeOffset? LastModified { get; }

    public string? DispositionName { get; }

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (bodies.TryGetValue(path, out var body))
            {
                context.Response.StatusCode = 200;
                if (LastModified is { } modified)
                {
                    context.Response.Headers["Last-Modified"] = modified.ToString("R");
                }

                if (DispositionName is { } name)
                {
                    context.Response.Headers["Content-Disposition"] = $"attachment; filename=\"{name}\"";
                }
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
