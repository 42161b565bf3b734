using System.Text;
using Kiln.Exec;
using Kiln.Exec.Runtime;

namespace Kiln.Tests.Exec;

public sealed class OutputPumpTests
{
    [Fact]
    public async Task SplitsLinesKeepingNewlinesAndTheUnterminatedTail()
    {
        var lines = await PumpAsync("one\ntwo\n\nthree");
        Assert.Equal(["one\n", "two\n", "\n", "three"], lines);
    }

    [Fact]
    public async Task LinesSpanningReadsAreJoined()
    {
        var lines = new List<string>();
        using var pipe = new ChunkedStream(Encoding.UTF8.GetBytes("abc\ndefgh\nij"), chunk: 3);
        await OutputPump.PumpAsync(pipe, LogLine.Stderr, l => lines.Add(Encoding.UTF8.GetString(l.Data.Span)));
        Assert.Equal(["abc\n", "defgh\n", "ij"], lines);
    }

    [Fact]
    public async Task OverlongLinesAreSplitAt64KiB()
    {
        var lines = await PumpAsync(new string('x', 70000) + "\n");
        Assert.Equal([65536, 70000 - 65536 + 1], lines.Select(l => l.Length));
    }

    [Fact]
    public void ExitStatusDerivesSignals()
    {
        Assert.Null(new ExitStatus(1).Signal);
        Assert.Equal(9, new ExitStatus(137).Signal);
        Assert.Null(new ExitStatus(255).Signal);
        Assert.True(new ExitStatus(0).Succeeded);
    }

    private static async Task<List<string>> PumpAsync(string text)
    {
        var lines = new List<string>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await OutputPump.PumpAsync(stream, LogLine.Stdout, l =>
        {
            Assert.Equal(LogLine.Stdout, l.Stream);
            lines.Add(Encoding.UTF8.GetString(l.Data.Span));
        });
        return lines;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, like a pipe.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(chunk, buffer.Length)]);
    }
}
