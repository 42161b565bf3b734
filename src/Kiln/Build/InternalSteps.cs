using System.Text;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.Build;

/// <summary>
/// The steps BuildKit shows before the graph runs — "[internal] load build definition from Dockerfile",
/// "[internal] load .dockerignore", "[internal] load metadata for REF" — as progress vertices of their own, so
/// kiln's plain and rawjson output read like buildx's.
/// </summary>
internal sealed class InternalSteps(IProgressSink progress, TimeProvider time)
{
    /// <summary>Shows one finished step; <paramref name="transferred"/> adds buildx's "transferring NAME: NB done" line.</summary>
    public void Done(string name, string? transferring = null, long transferred = 0)
    {
        var (vertex, started) = Start(name);
        if (transferring is not null)
        {
            var id = $"transferring {transferring}:";
            progress.Emit(new VertexStatus(time.GetUtcNow(), vertex, id, id, transferred, null) { Completed = true });
        }

        progress.Emit(new VertexCompleted(time.GetUtcNow(), vertex, started));
    }

    /// <summary>Runs <paramref name="work"/> as a step: completed when it returns, errored when it throws.</summary>
    public async Task<T> RunAsync<T>(string name, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (vertex, started) = Start(name);
        try
        {
            var result = await work().ConfigureAwait(false);
            progress.Emit(new VertexCompleted(time.GetUtcNow(), vertex, started));
            return result;
        }
        catch (KilnException e)
        {
            progress.Emit(new VertexErrored(time.GetUtcNow(), vertex, started, e.Code, e.Message));
            throw;
        }
    }

    private (Digest Vertex, DateTimeOffset Started) Start(string name)
    {
        var vertex = Digest.Sha256(Encoding.UTF8.GetBytes($"kiln-internal {Guid.NewGuid():N} {name}"));
        var started = time.GetUtcNow();
        progress.Emit(new VertexStarted(started, vertex, "[internal] " + name, []));
        return (vertex, started);
    }
}
