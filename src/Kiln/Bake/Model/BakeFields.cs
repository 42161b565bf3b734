using System.Collections.Frozen;
using System.Collections.Immutable;
using K = Kiln.Bake.Model.BakeFieldKind;
using M = Kiln.Bake.Model.BakeMergeRule;
using N = Kiln.Bake.Model.BakeNormalizeRule;
using S = Kiln.Bake.Model.BakeSetRule;
using X = Kiln.Bake.Model.BakeXBakeRule;

namespace Kiln.Bake.Model;

/// <summary>
/// The one table of bake target fields. Decoding (HCL, JSON, Compose x-bake), inheritance, <c>--set</c>
/// and <c>--print</c> all read it; the order is the order buildx 0.13.1 prints fields in.
/// </summary>
internal static class BakeFields
{
    public static readonly BakeField Inherits = new("inherits", K.List, M.Append, Printed: false, Doc: "targets whose fields this one starts from, in order");
    public static readonly BakeField Annotations = new("annotations", K.List, M.Append, S.AppendList, Normalize: N.Dedupe, Doc: "image annotations (type:key=value)");
    public static readonly BakeField Attest = new("attest", K.List, M.AppendAttest, S.AppendList, Normalize: N.DedupeAttest, Doc: "attestations, one per type");
    public static readonly BakeField Context = new("context", K.String, M.Replace, S.Value, Doc: "build context (default .)");
    public static readonly BakeField Contexts = new("contexts", K.Map, M.MergeEntries, S.Entry, Normalize: N.DropEmptyValues, XBake: X.Replace, Doc: "named contexts; target:NAME builds from another target");
    public static readonly BakeField Dockerfile = new("dockerfile", K.String, M.Replace, S.Value, Doc: "Dockerfile path (default Dockerfile)");
    public static readonly BakeField DockerfileInline = new("dockerfile-inline", K.String, M.Replace, Doc: "Dockerfile text");
    public static readonly BakeField Args = new("args", K.NullableMap, M.MergeEntries, S.Entry, Doc: "build arguments; null declares without value");
    public static readonly BakeField Labels = new("labels", K.NullableMap, M.MergeEntries, S.Entry, Doc: "image labels");
    public static readonly BakeField Tags = new("tags", K.List, M.Replace, S.List, Normalize: N.Dedupe, XBake: X.AppendDedupe, Doc: "image names");
    public static readonly BakeField CacheFrom = new("cache-from", K.List, M.Append, S.List, Normalize: N.Dedupe, XBake: X.AppendDedupe, Doc: "cache sources");
    public static readonly BakeField CacheTo = new("cache-to", K.List, M.Replace, S.List, Normalize: N.Dedupe, XBake: X.AppendDedupe, Doc: "cache exports");
    public static readonly BakeField Target = new("target", K.String, M.Replace, S.Value, Doc: "Dockerfile stage to build");
    public static readonly BakeField Secret = new("secret", K.List, M.Append, S.List, "secrets", N.Dedupe, X.AppendDedupe, Doc: "secrets exposed to the build");
    public static readonly BakeField Ssh = new("ssh", K.List, M.Append, S.List, Normalize: N.Dedupe, XBake: X.AppendDedupe, Doc: "ssh agent sockets or keys");
    public static readonly BakeField Platforms = new("platforms", K.List, M.Replace, S.List, "platform", N.Dedupe, X.AppendDedupe, Doc: "target platforms");
    public static readonly BakeField Output = new("output", K.List, M.Replace, S.List, Normalize: N.Dedupe, XBake: X.AppendDedupe, Doc: "exporters");
    public static readonly BakeField Pull = new("pull", K.Bool, M.Replace, S.Bool, XBake: X.Replace, Doc: "always pull base images");
    public static readonly BakeField NoCache = new("no-cache", K.Bool, M.Replace, S.Bool, XBake: X.Replace, Doc: "do not use the cache");
    public static readonly BakeField Network = new("network", K.String, M.Replace, Printed: false, Doc: "RUN network mode; buildx 0.13.1 never prints it");
    public static readonly BakeField NoCacheFilter = new("no-cache-filter", K.List, M.Append, S.List, Normalize: N.Dedupe, XBake: X.AppendDedupe, Doc: "stages not to cache");
    public static readonly BakeField ShmSize = new("shm-size", K.String, M.Replace, S.Value, Doc: "size of /dev/shm");
    public static readonly BakeField Ulimits = new("ulimits", K.List, M.Append, S.List, Normalize: N.Dedupe, Doc: "ulimits as name=soft:hard");
    public static readonly BakeField Call = new("call", K.String, M.Replace, Printed: false, Doc: "frontend method (build, check, outline); newer than buildx 0.13.1, kept, not printed");
    public static readonly BakeField Entitlements = new("entitlements", K.List, M.Append, Normalize: N.Dedupe, Printed: false, Doc: "extra privileges; newer than buildx 0.13.1, kept, not printed");
    public static readonly BakeField Description = new("description", K.String, M.Replace, Printed: false, Doc: "human description; newer than buildx 0.13.1, kept, not printed");
    public static readonly BakeField Matrix = new("matrix", K.Matrix, M.None, Printed: false, Doc: "dimensions this block expands over");
    public static readonly BakeField Name = new("name", K.String, M.None, Printed: false, Doc: "name template of a matrix target");

    /// <summary>Every field, in print order.</summary>
    public static ImmutableArray<BakeField> All { get; } =
    [
        Inherits, Annotations, Attest, Context, Contexts, Dockerfile, DockerfileInline, Args, Labels, Tags, CacheFrom,
        CacheTo, Target, Secret, Ssh, Platforms, Output, Pull, NoCache, Network, NoCacheFilter, ShmSize, Ulimits, Call,
        Entitlements, Description, Matrix, Name,
    ];

    private static readonly FrozenDictionary<string, BakeField> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, BakeField> ByOverrideKey =
        All.Where(f => f.OverrideKey is not null).ToFrozenDictionary(f => f.OverrideKey!, StringComparer.Ordinal);

    public static BakeField? Find(string name) => ByName.GetValueOrDefault(name);

    public static BakeField? FindByOverrideKey(string key) => ByOverrideKey.GetValueOrDefault(key);
}
