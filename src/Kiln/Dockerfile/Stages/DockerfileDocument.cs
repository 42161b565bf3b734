using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Stages;

/// <summary>
/// A Dockerfile run through parsing, instructions and stage analysis for one target: the entry point callers
/// use. Diagnostics lists every finding of all three steps in file order.
/// </summary>
internal sealed record DockerfileDocument(
    ParseResult Parse,
    ImmutableArray<Instruction> Instructions,
    StageGraph Graph,
    Stage? Target,
    ImmutableArray<int> Reachable,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public StageList Stages => Graph.Stages;

    public static DockerfileDocument Load(string text, string file = "Dockerfile", string? target = null, InstructionParserOptions? options = null)
    {
        var parse = DockerfileParser.Parse(text, file);
        var diagnostics = new List<Diagnostic>(parse.Diagnostics);
        if (parse.Nodes.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileEmpty, "file with no instructions", SourceSpan.Lines(file, 1, 1)));
        }

        var (instructions, instructionDiagnostics) = InstructionParser.Parse(parse, options);
        diagnostics.AddRange(instructionDiagnostics);
        var firstFrom = parse.Nodes.FirstOrDefault(n => n.Name == "from");
        var stages = StageList.Build(instructions, firstFrom?.Span.Start.Line);
        diagnostics.AddRange(stages.Diagnostics);
        var graph = StageGraph.Build(stages);
        diagnostics.AddRange(graph.Diagnostics);
        Stage? selected = null;
        var reachable = ImmutableArray<int>.Empty;
        if (!parse.Nodes.IsEmpty && (firstFrom is null || !stages.Stages.IsEmpty))
        {
            selected = graph.SelectTarget(target, diagnostics);
            if (selected is not null)
            {
                reachable = graph.ReachableFrom(selected.Index);
                foreach (var index in reachable)
                {
                    diagnostics.AddRange(stages.Stages[index].Commands.SelectMany(c => c.DeferredErrors));
                }
            }
        }

        var ordered = diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Span?.Start.Line ?? int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.d);
        return new DockerfileDocument(parse, instructions, graph, selected, reachable, [.. ordered]);
    }
}
