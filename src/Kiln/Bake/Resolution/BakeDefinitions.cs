using System.Collections.Immutable;
using Kiln.Bake.Compose;
using Kiln.Bake.Evaluation;
using Kiln.Bake.Files;
using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Bake.Resolution;

/// <summary>
/// Every file's targets and groups before inheritance: Compose targets merged file by file, then the HCL or JSON
/// blocks (evaluated lazily) merged over them, as buildx merges its configurations.
/// </summary>
internal sealed class BakeDefinitions
{
    private readonly List<BakeTarget> _compose = [];
    private readonly List<BakeGroup> _composeGroups = [];

    private BakeDefinitions(HclBakeDocument? hcl) => Hcl = hcl;

    public HclBakeDocument? Hcl { get; }

    public static BakeDefinitions Load(
        ImmutableArray<BakeFile> files,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string> builtins,
        HclFunctionEnvironment functionEnvironment)
    {
        var bodies = new List<HclBody>();
        var diagnostics = new List<Diagnostic>();
        var compose = new List<(ImmutableArray<BakeTarget>, BakeGroup)>();
        foreach (var file in files)
        {
            switch (file.Format)
            {
                case BakeFileFormat.Compose:
                    compose.Add(ComposeLoader.Load(file.Text, file.Name, environment));
                    break;
                case BakeFileFormat.Json:
                    var json = JsonBakeReader.Read(file.Text, file.Name);
                    diagnostics.AddRange(json.Diagnostics);
                    bodies.Add(json.Body);
                    break;
                default:
                    var hcl = HclParser.ParseFile(file.Text, file.Name);
                    diagnostics.AddRange(hcl.Diagnostics);
                    bodies.Add(hcl.Body);
                    break;
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            throw new KilnException([.. diagnostics]);
        }

        var document = bodies.Count == 0 ? null : new HclBakeDocument(bodies, new GlobalScope(bodies, environment, builtins.ToDictionary(kv => kv.Key, kv => HclValue.From(kv.Value), StringComparer.Ordinal), HclStdlib.Create(functionEnvironment)));
        var definitions = new BakeDefinitions(document);
        foreach (var (targets, group) in compose)
        {
            definitions.AddCompose(targets, group);
        }

        return definitions;
    }

    /// <summary>All target names, Compose ones first, each once.</summary>
    public IEnumerable<string> TargetNames() =>
        _compose.Select(t => t.Name).Concat(Hcl?.TargetNames() ?? []).Distinct(StringComparer.Ordinal);

    /// <summary>All group names, each once.</summary>
    public IEnumerable<string> GroupNames() =>
        _composeGroups.Select(g => g.Name).Concat(Hcl?.GroupNames() ?? []).Distinct(StringComparer.Ordinal);

    public BakeGroup? FindGroup(string name)
    {
        var compose = _composeGroups.FirstOrDefault(g => g.Name == name);
        var hcl = Hcl?.FindGroup(name);
        return compose is null ? hcl : hcl is null ? compose : compose.Union(hcl.Targets);
    }

    public BakeTarget? FindTarget(string name)
    {
        var compose = _compose.FirstOrDefault(t => t.Name == name);
        var hcl = Hcl?.FindTarget(name);
        return compose is null ? hcl : hcl is null ? compose : compose.Merge(hcl);
    }

    private void AddCompose(ImmutableArray<BakeTarget> targets, BakeGroup group)
    {
        var at = _composeGroups.FindIndex(g => g.Name == group.Name);
        if (at < 0)
        {
            _composeGroups.Add(group);
        }
        else
        {
            _composeGroups[at] = _composeGroups[at].Union(group.Targets);
        }

        foreach (var target in targets)
        {
            var existing = _compose.FindIndex(t => t.Name == target.Name);
            if (existing < 0)
            {
                _compose.Add(target);
            }
            else
            {
                _compose[existing] = _compose[existing].Merge(target);
            }
        }
    }
}
