using System.Collections.Immutable;
using Kiln.Dockerfile.Conversion;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Build;

/// <summary>
/// Progress grouped by target, as buildx bake shows it: every vertex name of a target's graph gets the target's name,
/// "[stage-0 2/3] RUN x" becoming "[app stage-0 2/3] RUN x" and "load build context" becoming "[app] load build
/// context". Only names change, so digests, sharing between targets and cache keys stay exactly as they were.
/// </summary>
internal static class TargetNames
{
    public static ConversionResult Prefix(ConversionResult conversion, string target)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        var renamed = new Dictionary<Digest, Vertex>();
        return conversion with
        {
            Platforms = [.. conversion.Platforms.Select(p => p with
            {
                Root = p.Root is null ? null : Rename(p.Root, target, renamed),
                Stages = p.Stages.ToImmutableDictionary(s => s.Key, s => s.Value is null ? null : Rename(s.Value, target, renamed)),
            })],
        };
    }

    public static string Prefix(string name, string target) =>
        name.StartsWith('[') ? $"[{target} {name[1..]}" : $"[{target}] {name}";

    private static Vertex Rename(Vertex vertex, string target, Dictionary<Digest, Vertex> renamed)
    {
        if (renamed.TryGetValue(vertex.Digest, out var done))
        {
            return done;
        }

        var inputs = vertex.Inputs.Select(e => new Edge(Rename(e.Vertex, target, renamed), e.Output)).ToImmutableArray();
        var metadata = vertex.Metadata with { Name = Prefix(vertex.DisplayName, target) };
        var result = new Vertex(vertex.Op, inputs, metadata);
        renamed[vertex.Digest] = result;
        return result;
    }
}
