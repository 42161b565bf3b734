using System.Text;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.Tests.Cli.Progress;

/// <summary>Synthetic progress events on a fixed clock.</summary>
internal static class ProgressEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Digest V(int n) => Digest.Sha256(Encoding.UTF8.GetBytes($"vertex-{n}"));

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    public static VertexStarted Start(int n, string name, double at = 0) => new(At(at), V(n), name, []);

    public static VertexCompleted Done(int n, double started, double at) => new(At(at), V(n), At(started));

    public static VertexCached Cached(int n, string name, double at = 0) => new(At(at), V(n), name, []);

    public static VertexLog Log(int n, string text, double at, LogStream stream = LogStream.Stdout) =>
        new(At(at), V(n), stream, Encoding.UTF8.GetBytes(text));
}
