using System.Collections.Immutable;
using Kiln.Bake.Model;
using Kiln.Bake.Overrides;
using Kiln.Diagnostics;

namespace Kiln.Bake.Resolution;

/// <summary>
/// Resolves requested names into a plan as buildx's ReadTargets does: groups expand (groups of groups too), each
/// target is built from its parents in <c>inherits</c> order with overrides applied at every level, defaults filled
/// in, and targets named by <c>target:NAME</c> contexts are added without outputs.
/// </summary>
internal sealed class BakeResolver(BakeDefinitions definitions, BakeOverrideSet overrides)
{
    private readonly List<Diagnostic> _warnings = [];

    public ImmutableArray<Diagnostic> Warnings => [.. _warnings];

    public BakePlan Resolve(IReadOnlyList<string> requested)
    {
        var names = requested.Select(BakeNames.Sanitize).ToList();
        var targets = new SortedDictionary<string, BakeTarget>(StringComparer.Ordinal);
        var groups = new SortedDictionary<string, BakeGroup>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (targetNames, groupNames) = ExpandGroup(name);
            foreach (var t in targetNames)
            {
                var from = groupNames.Select(definitions.FindGroup).FirstOrDefault(g => g!.Targets.Contains(t, StringComparer.Ordinal))?.Span;
                targets[t] = ResolveTarget(t, from);
            }

            foreach (var g in groupNames)
            {
                groups[g] = definitions.FindGroup(g)!;
            }
        }

        var extra = names.Where(n => n != "default").Distinct(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            var current = groups.TryGetValue("default", out var d) ? d : new BakeGroup("default", []);
            groups["default"] = current with { Targets = [.. current.Targets.Concat(extra).Distinct(StringComparer.Ordinal)] };
        }

        foreach (var name in targets.Keys.ToList())
        {
            LoadLinks(name, targets[name], targets, []);
        }

        return new BakePlan(groups.ToImmutableSortedDictionary(StringComparer.Ordinal), targets.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>One target with its parents, overrides and the defaults (context ".", dockerfile "Dockerfile").</summary>
    /// <param name="name">The target.</param>
    /// <param name="referencedFrom">Where the name was written (a group, a context), for the error when it does not exist.</param>
    public BakeTarget ResolveTarget(string name, SourceSpan? referencedFrom = null)
    {
        var target = Build(name, new Dictionary<string, BakeTarget?>(StringComparer.Ordinal), [], referencedFrom);
        target = target.With(BakeFields.Inherits, null);
        if (target.Get(BakeFields.Context) is null)
        {
            target = target.With(BakeFields.Context, new BakeString("."));
        }

        return target.Get(BakeFields.Dockerfile) is null ? target.With(BakeFields.Dockerfile, new BakeString("Dockerfile")) : target;
    }

    private (List<string> Targets, List<string> Groups) ExpandGroup(string name)
    {
        var visited = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var (targets, groups) = Expand(name, visited);
        return ([.. targets.Distinct(StringComparer.Ordinal)], [.. groups.Distinct(StringComparer.Ordinal)]);
    }

    private (List<string> Targets, List<string> Groups) Expand(string name, Dictionary<string, List<string>> visited)
    {
        if (visited.TryGetValue(name, out var seen))
        {
            return (seen, []);
        }

        if (definitions.FindGroup(name) is not { } group)
        {
            return ([name], []);
        }

        visited[name] = [];
        var targets = new List<string>();
        var groups = new List<string> { name };
        foreach (var member in group.Targets)
        {
            var (t, g) = Expand(member, visited);
            targets.AddRange(t);
            groups.AddRange(g);
        }

        visited[name] = targets;
        return (targets, groups);
    }

    private BakeTarget Build(string name, Dictionary<string, BakeTarget?> visited, List<string> chain, SourceSpan? referencedFrom)
    {
        var declared = definitions.FindTarget(name)
            ?? throw new KilnException(ErrorCodes.BakeUnknownTarget, $"failed to find target {name}", referencedFrom);
        visited[name] = null;
        chain.Add(name);
        var inherited = BakeTarget.Empty(name);
        foreach (var parent in declared.GetList(BakeFields.Inherits))
        {
            if (visited.TryGetValue(parent, out var done))
            {
                if (done is null)
                {
                    // buildx skips a parent that is still being resolved; kiln says so.
                    _warnings.Add(Diagnostic.Warning(ErrorCodes.BakeInheritanceCycle, $"inheritance cycle {string.Join(" -> ", chain)} -> {parent}: {parent} is skipped", declared.Span));
                    continue;
                }

                inherited = inherited.Merge(done);
                continue;
            }

            var resolved = Build(parent, visited, chain, declared.Span);
            inherited = inherited.Merge(resolved);
        }

        chain.RemoveAt(chain.Count - 1);
        var target = BakeTarget.Empty(name, declared.Span).Merge(inherited).Merge(declared);
        target = overrides.Apply(name, target).Normalize();
        visited[name] = target;
        return target;
    }

    private void LoadLinks(string name, BakeTarget target, SortedDictionary<string, BakeTarget> all, List<string> visited)
    {
        visited = [.. visited, name];
        foreach (var (_, value) in target.GetMap(BakeFields.Contexts))
        {
            if (value is null || !value.StartsWith("target:", StringComparison.Ordinal))
            {
                continue;
            }

            var linked = value["target:".Length..];
            if (linked == name)
            {
                throw new KilnException(ErrorCodes.BakeLinkCycle, $"target {linked} cannot link to itself", target.Span);
            }

            if (visited.Contains(linked, StringComparer.Ordinal))
            {
                throw new KilnException(ErrorCodes.BakeLinkCycle, $"infinite loop from {name} to {linked}", target.Span);
            }

            if (!all.TryGetValue(linked, out var other))
            {
                other = ResolveTarget(linked, target.Span).With(BakeFields.Output, null);
                all[linked] = other;
            }

            LoadLinks(linked, other, all, visited);
            var mine = target.GetList(BakeFields.Platforms);
            var theirs = other.GetList(BakeFields.Platforms);
            if (mine.Length > 1 && theirs.Length > 1 && !mine.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                throw new KilnException(ErrorCodes.BakePlatformMismatch,
                    $"target {linked} can't be used by {name} because it is defined for different platforms [{string.Join(' ', theirs)}] and [{string.Join(' ', mine)}]", target.Span);
            }
        }
    }
}
