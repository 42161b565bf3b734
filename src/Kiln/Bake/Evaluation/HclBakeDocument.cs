using System.Collections.Immutable;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake.Evaluation;

/// <summary>
/// The target and group blocks of every HCL or JSON bake file, merged in file order, evaluated lazily:
/// a target is evaluated only when asked for (directly, through a group, an inheritance or a <c>target:</c> link).
/// </summary>
internal sealed class HclBakeDocument
{
    private static readonly HashSet<string> BlockTypes = new(StringComparer.Ordinal) { "target", "group", "variable", "function" };
    private readonly List<HclBlock> _targets = [];
    private readonly List<HclBlock> _groups = [];
    private readonly Dictionary<HclBlock, ImmutableArray<(string Name, EvalContext Context)>> _expansions = [];
    private readonly Dictionary<string, BakeTarget?> _evaluated = new(StringComparer.Ordinal);
    private readonly TargetReferences _references;

    public HclBakeDocument(IEnumerable<HclBody> bodies, GlobalScope scope)
    {
        Scope = scope;
        _references = new TargetReferences(_targets, scope);
        foreach (var body in bodies)
        {
            foreach (var block in body.Blocks)
            {
                if (!BlockTypes.Contains(block.Type))
                {
                    throw new KilnException(ErrorCodes.BakeUnknownBlock, $"Unsupported block type: blocks of type \"{block.Type}\" are not expected here", block.TypeSpan);
                }

                if (block.Labels.Length != 1)
                {
                    throw new KilnException(ErrorCodes.BakeUnknownBlock, $"a {block.Type} block needs exactly one label", block.TypeSpan);
                }

                if (block.Type == "target")
                {
                    BakeNames.Validate(block.Labels[0], block.LabelSpans[0]);
                    _targets.Add(block);
                }
                else if (block.Type == "group")
                {
                    _groups.Add(block);
                }
            }
        }
    }

    public GlobalScope Scope { get; }

    /// <summary>Every target name, matrix names expanded, in declaration order, each once.</summary>
    public IEnumerable<string> TargetNames() => _targets.SelectMany(b => Expansion(b).Select(e => e.Name)).Distinct(StringComparer.Ordinal);

    /// <summary>The <c>description</c> of a target, evaluating only that attribute; null when it has none.</summary>
    public string? Description(string name) =>
        _targets.LastOrDefault(b => b.Labels[0] == name && b.Body.Attribute("description") is not null)?.Body.Attribute("description")!
            .Expression.Evaluate(Scope.Context) is HclString s ? s.Value : null;

    /// <summary>Every group name, in declaration order, each once.</summary>
    public IEnumerable<string> GroupNames() => _groups.Select(g => g.Labels[0]).Distinct(StringComparer.Ordinal);

    public BakeGroup? FindGroup(string name)
    {
        BakeGroup? group = null;
        foreach (var block in _groups.Where(b => b.Labels[0] == name))
        {
            var attribute = block.Body.Attribute("targets")
                ?? throw new KilnException(ErrorCodes.BakeMissingAttribute, "Missing required argument: the argument \"targets\" is required", block.Span);
            foreach (var unknown in block.Body.Attributes.Where(a => a.Name != "targets"))
            {
                throw new KilnException(ErrorCodes.BakeUnknownField, $"Unsupported argument: an argument named \"{unknown.Name}\" is not expected in a group", unknown.NameSpan);
            }

            var targets = BakeValueDecoder.List(BakeFields.Tags with { Name = "targets" }, attribute.Expression.Evaluate(Scope.Context), attribute.Expression.Span);
            group = group is null ? new BakeGroup(name, targets, block.Span) : group with { Targets = targets };
        }

        if (group is not null)
        {
            return group;
        }

        // A target renamed by matrix or name is reachable through a group of its block's label.
        var renamed = _targets.Where(b => b.Labels[0] == name && (b.Body.Attribute("matrix") ?? b.Body.Attribute("name")) is not null)
            .SelectMany(b => Expansion(b).Select(e => e.Name)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return renamed.Length == 0 || (renamed.Length == 1 && renamed[0] == name) ? null : new BakeGroup(name, renamed);
    }

    /// <summary>The target of that name, all its blocks merged in order; null when no block declares it.</summary>
    public BakeTarget? FindTarget(string name)
    {
        if (_evaluated.TryGetValue(name, out var known))
        {
            return known;
        }

        BakeTarget? target = null;
        foreach (var block in _targets)
        {
            var plain = block.Body.Attribute("matrix") is null && block.Body.Attribute("name") is null;
            if (plain && block.Labels[0] != name)
            {
                continue;
            }

            foreach (var (expanded, context) in Expansion(block).Where(e => e.Name == name))
            {
                var decoded = Decode(expanded, block, context);
                target = target is null ? decoded : target.Merge(decoded);
            }
        }

        _evaluated[name] = target;
        return target;
    }

    private ImmutableArray<(string Name, EvalContext Context)> Expansion(HclBlock block)
    {
        if (!_expansions.TryGetValue(block, out var expansion))
        {
            expansion = BakeMatrixExpander.Expand(block, Scope.Context);
            foreach (var (name, _) in expansion)
            {
                BakeNames.Validate(name, block.Body.Attribute("name")?.Expression.Span ?? block.LabelSpans[0]);
            }

            _expansions[block] = expansion;
        }

        return expansion;
    }

    private BakeTarget Decode(string name, HclBlock block, EvalContext context)
    {
        context = _references.Scope(block, context);
        if (block.Body.Blocks.FirstOrDefault() is { } nested)
        {
            throw new KilnException(ErrorCodes.BakeUnknownBlock, $"Unsupported block type: blocks of type \"{nested.Type}\" are not expected in a target", nested.TypeSpan);
        }

        var values = ImmutableDictionary.CreateBuilder<string, BakeValue>(StringComparer.Ordinal);
        foreach (var attribute in block.Body.Attributes)
        {
            var field = BakeFields.Find(attribute.Name)
                ?? throw new KilnException(ErrorCodes.BakeUnknownField, $"Unsupported argument: an argument named \"{attribute.Name}\" is not expected in a target", attribute.NameSpan);
            if (field.Merge == BakeMergeRule.None)
            {
                continue;
            }

            HclValue value = attribute.Expression.Evaluate(context);
            if (BakeValueDecoder.Decode(field, value, attribute.Expression.Span) is { } decoded)
            {
                values[field.Name] = decoded;
            }
        }

        return new BakeTarget(name, values.ToImmutable(), block.Span);
    }
}
