using System.Collections.Immutable;
using Kiln.Bake.Model;
using Kiln.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiln.Bake.Compose;

/// <summary>Reads a Compose file: every service with a <c>build:</c> section becomes a target, all of them the default group.</summary>
internal static class ComposeLoader
{
    public static (ImmutableArray<BakeTarget> Targets, BakeGroup DefaultGroup) Load(string text, string fileName, IReadOnlyDictionary<string, string> environment)
    {
        var yaml = new ComposeYaml(fileName, new ComposeInterpolator(environment));
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new KilnException(ErrorCodes.BakeInvalidCompose, $"invalid YAML: {ex.Message}", yaml.Span(ex.Start, ex.End));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? null : yaml.Span(stream.Documents[0].RootNode);
            throw new KilnException(ErrorCodes.BakeInvalidCompose, "a Compose file must be a mapping with a services key", at ?? new SourceSpan(fileName, new(1, 1), new(1, 1)));
        }

        if (!root.Children.TryGetValue("services", out var servicesNode) || ComposeYaml.IsNull(servicesNode))
        {
            throw new KilnException(ErrorCodes.BakeInvalidCompose, "No service selected: the Compose file has no services", yaml.Span(root));
        }

        var topSecrets = root.Children.TryGetValue("secrets", out var s) ? s as YamlMappingNode : null;
        var reader = new ComposeServiceReader(yaml, environment, topSecrets);
        var targets = ImmutableArray.CreateBuilder<BakeTarget>();
        foreach (var (keyNode, serviceNode) in yaml.Mapping(servicesNode, "services").Children)
        {
            var serviceName = yaml.Scalar(keyNode, "service name");
            var service = yaml.Mapping(serviceNode, $"service {serviceName}");
            if (!service.Children.TryGetValue("build", out var build) || ComposeYaml.IsNull(build))
            {
                continue;
            }

            var name = BakeNames.Sanitize(serviceName);
            BakeNames.Validate(name, yaml.Span(keyNode));
            targets.Add(reader.Read(name, service, build));
        }

        var group = new BakeGroup("default", [.. targets.Select(t => t.Name)]);
        return (targets.ToImmutable(), group);
    }
}
