using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake.Evaluation;

/// <summary>
/// The <c>target</c> variable of bake HCL: <c>target.NAME.FIELD</c> reads another target's own attribute (not
/// inherited; null when unset). Only the targets an expression names are evaluated, each once.
/// </summary>
internal sealed class TargetReferences(IReadOnlyList<HclBlock> targets, GlobalScope globals)
{
    private readonly Dictionary<string, HclValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = [];

    /// <summary><paramref name="context"/> with <c>target</c> bound to the targets the block's attributes name, if any.</summary>
    public EvalContext Scope(HclBlock block, EvalContext context)
    {
        var names = block.Body.Attributes
            .SelectMany(a => ReferencePaths.Of(a.Expression))
            .Where(p => p.Length >= 2 && p[0] == "target")
            .Select(p => p[1])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            return context;
        }

        var target = HclValue.Object(names.Select(n => new KeyValuePair<string, HclValue>(n, Value(n, block.Span))));
        return context.WithVariables(new Dictionary<string, HclValue>(StringComparer.Ordinal) { ["target"] = target });
    }

    private HclValue Value(string name, SourceSpan from)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        if (_inProgress.Contains(name, StringComparer.Ordinal))
        {
            throw new KilnException(ErrorCodes.BakeLinkCycle, $"target reference cycle: {string.Join(" -> ", _inProgress)} -> {name}", from);
        }

        var blocks = targets.Where(b => b.Labels[0] == name).ToList();
        if (blocks.Count == 0)
        {
            throw new KilnException(ErrorCodes.BakeUnknownTarget, $"failed to find target {name}", from);
        }

        _inProgress.Add(name);
        try
        {
            var fields = BakeFields.All.ToDictionary(f => f.Name, _ => HclValue.Null, StringComparer.Ordinal);
            foreach (var block in blocks)
            {
                var context = Scope(block, globals.Context);
                foreach (var attribute in block.Body.Attributes.Where(a => fields.ContainsKey(a.Name)))
                {
                    fields[attribute.Name] = attribute.Expression.Evaluate(context);
                }
            }

            var value = HclValue.Object(fields);
            _values[name] = value;
            return value;
        }
        finally
        {
            _inProgress.RemoveAt(_inProgress.Count - 1);
        }
    }
}
