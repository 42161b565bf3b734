using System.Collections.Immutable;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>Builds synthetic vertices for the fake runners; the name is the vertex's display name (not in its digest).</summary>
internal static class TestGraph
{
    public static Vertex Image(string image, string? name = null) =>
        new(new ImageSourceOp(Reference.Parse(image)), [], Meta(name ?? image));

    public static Vertex Local(string context, string? name = null) =>
        new(new LocalSourceOp(context), [], Meta(name ?? context));

    public static Vertex Run(Vertex parent, string name, params string[] args) => RunIn(parent, name, null, null, args);

    public static Vertex RunIn(Vertex parent, string name, string? stage, SourceSpan? span, params string[] args) =>
        new(new ExecOp([.. args], [new ExecMount("/") { Input = 0, Output = 0 }]), [parent], Meta(name, stage, span));

    /// <summary>RUN with a read-only bind mount of <paramref name="selector"/> from <paramref name="from"/> at /mnt.</summary>
    public static Vertex RunWithMount(Vertex parent, Vertex from, string selector, string name, params string[] args) =>
        new(
            new ExecOp([.. args], [new ExecMount("/") { Input = 0, Output = 0 }, new ExecMount("/mnt") { Input = 1, Selector = selector, ReadOnly = true }]),
            [parent, from],
            Meta(name));

    public static Vertex Copy(Vertex destination, Vertex from, string source, string target, string name) =>
        new(new FileOp(0, [new CopyAction(1, source, target)]), [destination, from], Meta(name));

    public static Vertex Mkfile(Vertex parent, string path, string content, string name, string? stage = null) =>
        new(new FileOp(0, [new MkfileAction(path, 420, [.. Encoding.UTF8.GetBytes(content)])]), [parent], Meta(name, stage));

    public static Vertex Merge(string name, params Vertex[] inputs) =>
        new(new MergeOp([.. Enumerable.Range(0, inputs.Length)]), [.. inputs.Select(v => (Edge)v)], Meta(name));

    public static VertexMetadata Meta(string name, string? stage = null, SourceSpan? span = null) =>
        new() { Name = name, Stage = stage, Source = span };

    public static ImmutableArray<Edge> Targets(params Vertex[] vertices) => [.. vertices.Select(v => (Edge)v)];
}
