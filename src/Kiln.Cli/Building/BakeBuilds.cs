using System.Collections.Immutable;
using Kiln.Bake.Model;

namespace Kiln.Cli.Building;

/// <summary>Maps resolved bake targets to the build flags <c>kiln build</c> would get for them, as buildx does.</summary>
internal static class BakeBuilds
{
    public static ImmutableArray<NamedBuild> From(BakePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Targets.Values.Select(t => new NamedBuild(t.Name, Flags(t)))];
    }

    public static BuildFlags Flags(BakeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var context = target.GetString(BakeFields.Context) ?? ".";
        var inline = target.GetString(BakeFields.DockerfileInline);
        var dockerfile = target.GetString(BakeFields.Dockerfile) ?? "Dockerfile";
        return new BuildFlags
        {
            Context = context,
            File = inline is null ? (Path.IsPathRooted(dockerfile) || dockerfile == "-" ? dockerfile : Path.Combine(context, dockerfile)) : null,
            DockerfileInline = inline,
            Tags = target.GetList(BakeFields.Tags),
            BuildArgs = [.. target.GetMap(BakeFields.Args).Where(a => a.Value is not null).Select(a => $"{a.Key}={a.Value}")],
            Target = target.GetString(BakeFields.Target),
            Platforms = target.GetList(BakeFields.Platforms),
            Secrets = target.GetList(BakeFields.Secret),
            Ssh = target.GetList(BakeFields.Ssh),
            BuildContexts = [.. target.GetMap(BakeFields.Contexts).Where(c => c.Value is not null).Select(c => $"{c.Key}={c.Value}")],
            NoCache = target.GetBool(BakeFields.NoCache) == true,
            NoCacheFilter = target.GetList(BakeFields.NoCacheFilter),
            Network = target.GetString(BakeFields.Network),
            Allow = target.GetList(BakeFields.Entitlements),
            Labels = [.. target.GetMap(BakeFields.Labels).Where(l => l.Value is not null).Select(l => $"{l.Key}={l.Value}")],
            Annotations = target.GetList(BakeFields.Annotations),
            Outputs = target.GetList(BakeFields.Output),
            Ignored = [.. new[] { BakeFields.CacheFrom, BakeFields.CacheTo, BakeFields.Attest }
                .Where(f => !target.GetList(f).IsEmpty).Select(f => $"{target.Name}.{f.Name}")],
        };
    }
}
