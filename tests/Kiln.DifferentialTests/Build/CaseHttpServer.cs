using System.Net;

namespace Kiln.DifferentialTests.Build;

/// <summary>
/// A local HTTP server for <c>ADD http://...</c> cases: <c>http://127.0.0.1:18471/CASE/FILE</c> serves FILE from that
/// case's folder. The port is fixed because the URL is part of the Dockerfile (and so of the reference cache key).
/// </summary>
internal static class CaseHttpServer
{
    public const int Port = 18471;
    private static readonly Lock Gate = new();
    private static HttpListener? listener;

    public static void EnsureStarted(string casesRoot)
    {
        lock (Gate)
        {
            if (listener is not null)
            {
                return;
            }

            var started = new HttpListener();
            started.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                started.Start();
            }
            catch (HttpListenerException ex)
            {
                Assert.Fail($"cannot listen on 127.0.0.1:{Port} for the ADD-from-URL cases: {ex.Message}");
            }

            listener = started;
            _ = Task.Run(() => ServeAsync(started, Path.GetFullPath(casesRoot)));
        }
    }

    private static async Task ServeAsync(HttpListener server, string root)
    {
        while (server.IsListening)
        {
            var context = await server.GetContextAsync();
            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var path = Path.GetFullPath(Path.Combine(root, relative));
            using var response = context.Response;
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                response.StatusCode = 404;
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path);
            response.ContentLength64 = bytes.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                await response.OutputStream.WriteAsync(bytes);
            }
        }
    }
}
