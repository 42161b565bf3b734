using Kiln.Graph;
using Kiln.Progress;
using Kiln.Tests.Solver.Fakes;
using static Kiln.Tests.Solver.Fakes.TestGraph;

namespace Kiln.Tests.Solver;

public sealed class SchedulerGraphShapeTests
{
    [Fact]
    public async Task DiamondRunsTheSharedBaseOnce()
    {
        using var harness = new SolverHarness();
        var root = Run(Image("busybox"), "root", "write", "/root", "r");
        var top = Run(Merge("merge", Run(root, "left", "write", "/l", "l"), Run(root, "right", "write", "/r", "r")), "top", "noop");

        var result = await harness.SolveAsync(top);

        Assert.All(new[] { "busybox", "root", "left", "right", "merge", "top" }, n => Assert.Equal(1, harness.Backend.Executions(n)));
        Assert.Equal(["/etc/image", "/l", "/r", "/root"], harness.Backend.Tree(result[0].Result).Files.Keys);
    }

    [Fact]
    public async Task ThousandVertexGraphRunsEachVertexOnceThenHitsTheCache()
    {
        using var harness = new SolverHarness();
        var (vertices, targets) = Layered(layers: 20, width: 50);

        await harness.SolveAsync(targets);
        harness.NewSession();
        await harness.SolveAsync(targets);

        Assert.Equal(1000, vertices.Count);
        Assert.All(vertices, v => Assert.Equal(1, harness.Backend.Executions(v.DisplayName)));
        Assert.Equal(1001, harness.Backend.TotalExecutions);
        Assert.Equal(1001, harness.Progress.Count<VertexCached>());
    }

    [Fact]
    public async Task ThousandVertexChainDoesNotExhaustTheStack()
    {
        using var harness = new SolverHarness();
        var vertex = Image("busybox");
        for (var i = 0; i < 1000; i++)
        {
            vertex = Run(vertex, $"step{i}", "noop", $"{i}");
        }

        var result = await harness.SolveAsync(vertex);

        Assert.Equal(1001, harness.Backend.TotalExecutions);
        Assert.False(result[0].Cached);
    }

    /// <summary>
    /// Layers of vertices; each runs on one vertex of the layer below with the file another one wrote mounted,
    /// and writes its own file, so every vertex has distinct content.
    /// </summary>
    private static (List<Vertex> All, Vertex[] Targets) Layered(int layers, int width)
    {
        var image = Image("busybox");
        var all = new List<Vertex>();
        var below = Enumerable.Range(0, width).Select(i => Run(image, $"0.{i}", "write", $"/v0.{i}", "x")).ToArray();
        all.AddRange(below);
        for (var layer = 1; layer < layers; layer++)
        {
            var current = new Vertex[width];
            for (var i = 0; i < width; i++)
            {
                var left = below[i];
                var right = below[(i * 7 + layer) % width];
                current[i] = RunWithMount(left, right, $"/v{right.DisplayName}", $"{layer}.{i}", "write", $"/v{layer}.{i}", "x");
            }

            all.AddRange(current);
            below = current;
        }

        return (all, below);
    }
}
