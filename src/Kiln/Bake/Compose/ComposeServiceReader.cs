using System.Collections.Immutable;
using System.Globalization;
using Kiln.Bake.Model;
using Kiln.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Kiln.Bake.Compose;

/// <summary>Turns one Compose service with a <c>build:</c> section into a target, as buildx 0.13.1 does.</summary>
internal sealed class ComposeServiceReader(ComposeYaml yaml, IReadOnlyDictionary<string, string> environment, YamlMappingNode? topSecrets)
{
    private static readonly HashSet<string> BuildKeys = new(StringComparer.Ordinal)
    {
        "context", "dockerfile", "dockerfile_inline", "args", "labels", "target", "tags", "cache_from", "cache_to",
        "secrets", "ssh", "network", "shm_size", "ulimits", "platforms", "extra_hosts", "additional_contexts",
        "isolation", "privileged", "no_cache", "pull",
    };

    public BakeTarget Read(string name, YamlMappingNode service, YamlNode build)
    {
        var target = BakeTarget.Empty(name, yaml.Span(service));
        var image = service.Children.TryGetValue("image", out var imageNode) && !ComposeYaml.IsNull(imageNode) ? yaml.Scalar(imageNode, "image") : null;
        if (build is YamlScalarNode)
        {
            target = target.With(BakeFields.Context, new BakeString(GoPath.Clean(yaml.Scalar(build, "build"))));
        }
        else
        {
            var map = yaml.Mapping(build, "build");
            foreach (var (keyNode, value) in map.Children)
            {
                var key = yaml.Scalar(keyNode, "build key");
                if (!key.StartsWith("x-", StringComparison.Ordinal) && !BuildKeys.Contains(key))
                {
                    throw new KilnException(ErrorCodes.BakeUnknownField, $"services.{name}.build: additional property {key} is not allowed", yaml.Span(keyNode));
                }

                target = Apply(target, key, value);
            }

            if (target.Get(BakeFields.Context) is null)
            {
                target = target.With(BakeFields.Context, new BakeString("."));
            }

            if (map.Children.TryGetValue("x-bake", out var xbake))
            {
                target = ComposeXBake.Apply(target, yaml.Mapping(xbake, "x-bake"), yaml);
            }
        }

        if (target.GetList(BakeFields.Tags).IsEmpty && image is not null)
        {
            target = target.With(BakeFields.Tags, new BakeList([image]));
        }

        return target.Get(BakeFields.Dockerfile) is null ? target.With(BakeFields.Dockerfile, new BakeString("Dockerfile")) : target;
    }

    private BakeTarget Apply(BakeTarget target, string key, YamlNode value) => key switch
    {
        "context" => target.With(BakeFields.Context, new BakeString(GoPath.Clean(yaml.Scalar(value, key)))),
        "dockerfile" => target.With(BakeFields.Dockerfile, new BakeString(yaml.Scalar(value, key))),
        "dockerfile_inline" => target.With(BakeFields.DockerfileInline, new BakeString(yaml.Scalar(value, key))),
        "args" => target.With(BakeFields.Args, Map(value, key, fromEnvironment: true)),
        "labels" => target.With(BakeFields.Labels, Map(value, key, fromEnvironment: false)),
        "additional_contexts" => target.With(BakeFields.Contexts, Map(value, key, fromEnvironment: false)),
        "target" => target.With(BakeFields.Target, new BakeString(yaml.Scalar(value, key))),
        "tags" => target.With(BakeFields.Tags, new BakeList(yaml.StringOrList(value, key))),
        "cache_from" => target.With(BakeFields.CacheFrom, new BakeList(yaml.StringOrList(value, key))),
        "cache_to" => target.With(BakeFields.CacheTo, new BakeList(yaml.StringOrList(value, key))),
        "network" => target.With(BakeFields.Network, new BakeString(yaml.Scalar(value, key))),
        "shm_size" => target.With(BakeFields.ShmSize, new BakeString(ShmSize(value))),
        "ulimits" => target.With(BakeFields.Ulimits, new BakeList(Ulimits(value))),
        "secrets" => target.With(BakeFields.Secret, new BakeList(Secrets(value))),
        _ => target, // platforms, ssh, extra_hosts, ...: read by Compose, not used by buildx 0.13.1's bake
    };

    private BakeMap Map(YamlNode node, string what, bool fromEnvironment)
    {
        var map = BakeMap.Empty;
        foreach (var (key, value) in yaml.Entries(node, what))
        {
            var resolved = value ?? (fromEnvironment ? environment.GetValueOrDefault(key) : "");
            if (resolved is not null)
            {
                map = map.With(key, resolved);
            }
        }

        return map;
    }

    private string ShmSize(YamlNode node)
    {
        var text = yaml.Scalar(node, "shm_size");
        var bytes = ComposeSizes.ParseRam(text)
            ?? throw new KilnException(ErrorCodes.BakeInvalidCompose, $"invalid size: '{text}'", yaml.Span(node));
        return ComposeSizes.BytesSize(bytes);
    }

    private ImmutableArray<string> Ulimits(YamlNode node)
    {
        var result = new List<string>();
        foreach (var (keyNode, value) in yaml.Mapping(node, "ulimits").Children.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal))
        {
            var name = yaml.Scalar(keyNode, "ulimit");
            long soft = 0, hard = 0;
            if (value is YamlMappingNode limits)
            {
                soft = Number(limits, "soft");
                hard = Number(limits, "hard");
            }

            result.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={soft}:{hard}"));
        }

        return [.. result];
    }

    private long Number(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) && long.TryParse(yaml.Scalar(v, key), CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new KilnException(ErrorCodes.BakeInvalidCompose, $"ulimit needs an integer {key}", yaml.Span(node));

    private ImmutableArray<string> Secrets(YamlNode node)
    {
        var result = new List<string>();
        foreach (var item in node is YamlSequenceNode seq ? seq.Children : throw new KilnException(ErrorCodes.BakeInvalidCompose, "secrets must be a list", yaml.Span(node)))
        {
            var source = item is YamlMappingNode m && m.Children.TryGetValue("source", out var s) ? yaml.Scalar(s, "source") : yaml.Scalar(item, "secret");
            var attributes = new List<string> { "id=" + source };
            if (topSecrets?.Children.TryGetValue(source, out var declared) == true && declared is YamlMappingNode secret)
            {
                if (secret.Children.TryGetValue("file", out var file))
                {
                    attributes.Add("src=" + GoPath.Clean(yaml.Scalar(file, "file")));
                }

                if (secret.Children.TryGetValue("environment", out var env))
                {
                    attributes.Add("env=" + yaml.Scalar(env, "environment"));
                }
            }

            result.Add(string.Join(',', attributes));
        }

        return [.. result];
    }
}
