using System.Collections.Immutable;
using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;
using Kiln.Oci;

namespace Kiln.Dockerfile.Stages;

/// <summary>
/// The dependencies between stages (FROM, COPY --from, RUN --mount from=), resolved the way BuildKit does:
/// a name matching a stage or a stage index is a stage, anything else an image (which must be a valid reference).
/// </summary>
internal sealed record StageGraph(StageList Stages, ImmutableArray<StageDependency> Dependencies, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>
    /// Resolves every reference. <paramref name="resolve"/> expands a raw word (the conversion step passes its
    /// expander); without it, references containing '$' stay unresolved.
    /// </summary>
    public static StageGraph Build(StageList stages, Func<Word, string?>? resolve = null)
    {
        var diagnostics = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<StageDependency>();
        foreach (var stage in stages.Stages)
        {
            Add(stage, StageReferenceKind.Base, stage.From.Image);
            foreach (var instruction in stage.Commands)
            {
                switch (instruction)
                {
                    case CopyInstruction { From: { } from }:
                        Add(stage, StageReferenceKind.CopyFrom, from);
                        break;
                    case RunInstruction run:
                        foreach (var mount in run.Mounts)
                        {
                            if (mount is { From: { Length: > 0 } f, NeedsExpansion: false })
                            {
                                Add(stage, StageReferenceKind.MountFrom, new Word(f, mount.Raw.Span));
                            }
                        }

                        break;
                }
            }
        }

        var graph = new StageGraph(stages, deps.ToImmutable(), []);
        if (graph.FindCycle() is { } cycle)
        {
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.DockerfileStageCycle, $"circular dependency detected on stage: {cycle.DisplayName}", cycle.Span));
        }

        return graph with { Diagnostics = [.. diagnostics] };

        void Add(Stage stage, StageReferenceKind kind, Word reference)
        {
            // COPY --from is never expanded by BuildKit 0.13: "$X" there is a (malformed) image name.
            var text = kind == StageReferenceKind.CopyFrom ? reference.Text
                : resolve is not null ? resolve(reference)
                : reference.Text.Contains('$', StringComparison.Ordinal) ? null
                : reference.Text;
            if (text is null)
            {
                deps.Add(new StageDependency(stage.Index, kind, reference, null, null));
                return;
            }

            if (kind == StageReferenceKind.CopyFrom && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                if (index < 0 || index >= stages.Stages.Length)
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileInvalidStageIndex, $"invalid stage index {index}", reference.Span));
                    return;
                }

                deps.Add(new StageDependency(stage.Index, kind, reference, index, null));
                return;
            }

            // FROM matches earlier stages only, by exact (lower-case) name; --from matches any stage, ignoring case.
            var target = kind == StageReferenceKind.Base ? stages.Find(text, ignoreCase: false, before: stage.Index) : stages.Find(text);
            if (target is not null)
            {
                deps.Add(new StageDependency(stage.Index, kind, reference, target.Index, null));
                return;
            }

            if (text.Equals("scratch", StringComparison.OrdinalIgnoreCase) && kind == StageReferenceKind.Base)
            {
                deps.Add(new StageDependency(stage.Index, kind, reference, null, "scratch"));
                return;
            }

            if (!Reference.TryParse(text, out _, out var error))
            {
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.DockerfileInvalidStageReference, $"failed to parse stage name \"{text}\": {error}", reference.Span));
                return;
            }

            deps.Add(new StageDependency(stage.Index, kind, reference, null, text));
        }
    }

    private (ImmutableArray<StageDependency> For, ILookup<int, int> Edges)? _edges;

    /// <summary>The stages <paramref name="stage"/> depends on directly.</summary>
    public IEnumerable<int> DependenciesOf(int stage)
    {
        if (_edges is not { } cache || cache.For != Dependencies)
        {
            _edges = cache = (Dependencies, Dependencies.Where(d => d.TargetStage is not null).ToLookup(d => d.Stage, d => d.TargetStage!.Value));
        }

        return cache.Edges[stage].Distinct();
    }

    /// <summary>The target stage: by name (case-insensitive), or the last stage when <paramref name="target"/> is empty.</summary>
    public Stage? SelectTarget(string? target, List<Diagnostic> diagnostics)
    {
        if (Stages.Stages.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileNoStages, "dockerfile contains no stages to build"));
            return null;
        }

        if (string.IsNullOrEmpty(target))
        {
            return Stages.Stages[^1];
        }

        if (Stages.Find(target) is { } stage)
        {
            return stage;
        }

        diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileUnknownTarget, $"target stage \"{target}\" could not be found"));
        return null;
    }

    /// <summary>The indexes of the stages the target needs, the target included, in ascending order.</summary>
    public ImmutableArray<int> ReachableFrom(int target)
    {
        var seen = new HashSet<int> { target };
        var work = new Stack<int>();
        work.Push(target);
        while (work.Count > 0)
        {
            foreach (var dep in DependenciesOf(work.Pop()))
            {
                if (seen.Add(dep))
                {
                    work.Push(dep);
                }
            }
        }

        return [.. seen.Order()];
    }

    /// <summary>The first stage found on a dependency cycle (self-references included), or null.</summary>
    public Stage? FindCycle()
    {
        var state = new int[Stages.Stages.Length];
        foreach (var stage in Stages.Stages)
        {
            if (Visit(stage.Index) is { } found)
            {
                return Stages.Stages[found];
            }
        }

        return null;

        int? Visit(int i)
        {
            if (state[i] == 2)
            {
                return null;
            }

            if (state[i] == 1)
            {
                return i;
            }

            state[i] = 1;
            foreach (var dep in DependenciesOf(i))
            {
                if (Visit(dep) is { } found)
                {
                    return found;
                }
            }

            state[i] = 2;
            return null;
        }
    }
}
