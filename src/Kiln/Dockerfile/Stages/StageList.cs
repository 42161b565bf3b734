using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Stages;

/// <summary>The instructions grouped into stages, plus the ARGs declared before the first FROM.</summary>
internal sealed record StageList(ImmutableArray<ArgInstruction> MetaArgs, ImmutableArray<Stage> Stages, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>
    /// Groups instructions by FROM; anything but ARG before the first FROM is an error. When the first FROM was
    /// itself invalid (<paramref name="firstFromLine"/> is its line), the instructions after it are dropped silently.
    /// </summary>
    public static StageList Build(IEnumerable<Instruction> instructions, int? firstFromLine = null)
    {
        var diagnostics = new List<Diagnostic>();
        var metaArgs = ImmutableArray.CreateBuilder<ArgInstruction>();
        var stages = ImmutableArray.CreateBuilder<Stage>();
        FromInstruction? from = null;
        var commands = ImmutableArray.CreateBuilder<Instruction>();
        foreach (var instruction in instructions)
        {
            if (instruction is FromInstruction f)
            {
                Flush();
                from = f;
                continue;
            }

            if (from is not null)
            {
                commands.Add(instruction);
            }
            else if (instruction is ArgInstruction arg)
            {
                metaArgs.Add(arg);
            }
            else if (firstFromLine is null || instruction.Span.Start.Line < firstFromLine)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileNoBuildStage, "no build stage in current context", instruction.Span));
            }
        }

        Flush();
        return new StageList(metaArgs.ToImmutable(), stages.ToImmutable(), [.. diagnostics]);

        void Flush()
        {
            if (from is not null)
            {
                stages.Add(new Stage(stages.Count, from.StageName, from, commands.ToImmutable()));
            }

            commands.Clear();
        }
    }

    private (ImmutableArray<Stage> For, Dictionary<string, Stage> Map)? _byName;

    /// <summary>
    /// The stage a name refers to (the last of duplicates wins), or null; with <paramref name="before"/>, only
    /// stages with a smaller index count.
    /// </summary>
    public Stage? Find(string name, bool ignoreCase = true, int? before = null)
    {
        if (before is { } limit)
        {
            for (var i = Math.Min(limit, Stages.Length) - 1; i >= 0; i--)
            {
                if (Stages[i].Name is { } n && n.Equals(name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    return Stages[i];
                }
            }

            return null;
        }

        if (_byName is not { } cache || cache.For != Stages)
        {
            var map = new Dictionary<string, Stage>(StringComparer.Ordinal);
            foreach (var stage in Stages)
            {
                if (stage.Name is { } n)
                {
                    map[n] = stage;
                }
            }

            _byName = cache = (Stages, map);
        }

        return cache.Map.GetValueOrDefault(ignoreCase ? name.ToLowerInvariant() : name);
    }
}
