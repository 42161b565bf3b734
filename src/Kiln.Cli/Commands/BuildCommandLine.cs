using System.CommandLine;
using Kiln.Cli.Building;

namespace Kiln.Cli.Commands;

/// <summary>The flags of <c>kiln build</c>, named and spelled as buildx's, mapped to <see cref="BuildFlags"/>.</summary>
internal sealed class BuildCommandLine
{
    private readonly Argument<string> context = new("PATH") { Description = "Build context directory", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
    private readonly Option<string?> file = new("--file", "-f") { Description = "Name of the Dockerfile (default: \"PATH/Dockerfile\")" };
    private readonly Option<string[]> tags = new("--tag", "-t") { Description = "Name and optionally a tag (format: \"name:tag\")" };
    private readonly Option<string[]> buildArgs = new("--build-arg") { Description = "Set build-time variables" };
    private readonly Option<string?> target = new("--target") { Description = "Set the target build stage to build" };
    private readonly Option<string[]> platforms = new("--platform") { Description = "Set target platform for build" };
    private readonly Option<string[]> secrets = new("--secret") { Description = "Secret to expose to the build (format: \"id=mysecret[,src=/local/secret]\")" };
    private readonly Option<string[]> ssh = new("--ssh") { Description = "SSH agent socket or keys to expose to the build (format: \"default|<id>[=<socket>|<key>[,<key>]]\")" };
    private readonly Option<string[]> buildContexts = new("--build-context") { Description = "Additional build contexts (e.g., name=path)" };
    private readonly Option<bool> noCache = new("--no-cache") { Description = "Do not use cache when building the image" };
    private readonly Option<string[]> noCacheFilter = new("--no-cache-filter") { Description = "Do not cache specified stages" };
    private readonly Option<string?> progress = new("--progress") { Description = "Set type of progress output (\"auto\", \"plain\", \"tty\", \"rawjson\", \"quiet\")" };
    private readonly Option<string?> network = new("--network") { Description = "Set the networking mode for the \"RUN\" instructions during build" };
    private readonly Option<string[]> allow = new("--allow") { Description = "Allow extra privileged entitlement (e.g., \"network.host\", \"security.insecure\")" };
    private readonly Option<string[]> labels = new("--label") { Description = "Set metadata for an image" };
    private readonly Option<string[]> annotations = new("--annotation") { Description = "Add annotation to the image" };
    private readonly Option<string?> iidFile = new("--iidfile") { Description = "Write the image ID to a file" };
    private readonly Option<string?> metadataFile = new("--metadata-file") { Description = "Write build result metadata to a file" };
    private readonly Option<string[]> outputs = new("--output", "-o") { Description = "Output destination (format: \"type=local,dest=path\")" };
    private readonly Option<bool> push = new("--push") { Description = "Shorthand for \"--output=type=registry\"" };
    private readonly Option<bool> load = new("--load") { Description = "Shorthand for \"--output=type=docker\"" };
    private readonly Option<bool> quiet = new("--quiet", "-q") { Description = "Suppress the build output and print image ID on success" };
    private readonly Option<bool> check = new("--check") { Description = "Shorthand for \"--call=check\"" };
    private readonly Option<string?> call = new("--call") { Description = "Set method for evaluating build (\"check\", \"build\")" };
    private readonly Option<string?> builder = new("--builder") { Description = "Override the configured builder instance (kiln has one local builder: accepted, ignored)" };
    private readonly Option<bool> pull = new("--pull") { Description = "Always attempt to pull all referenced images (kiln resolves tags on every build)" };
    private readonly Option<string[]> cacheFrom = new("--cache-from") { Description = "External cache sources (not supported yet: ignored with a warning)" };
    private readonly Option<string[]> cacheTo = new("--cache-to") { Description = "Cache export destinations (not supported yet: ignored with a warning)" };
    private readonly Option<string?> provenance = new("--provenance") { Description = "Shorthand for \"--attest=type=provenance\" (not supported yet: ignored with a warning)" };
    private readonly Option<string?> sbom = new("--sbom") { Description = "Shorthand for \"--attest=type=sbom\" (not supported yet: ignored with a warning)" };
    private readonly Option<string[]> attest = new("--attest") { Description = "Attestation parameters (not supported yet: ignored with a warning)" };

    public BuildCommandLine()
    {
        Command = new Command("build", "Start a build")
        {
            context, file, tags, buildArgs, target, platforms, secrets, ssh, buildContexts, noCache, noCacheFilter, progress, network,
            allow, labels, annotations, iidFile, metadataFile, outputs, push, load, quiet, check, call, builder, pull, cacheFrom, cacheTo,
            provenance, sbom, attest,
        };
    }

    public Command Command { get; }

    /// <summary>"build" or "check".</summary>
    public string Method(ParseResult parse) => parse.GetValue(check) ? "check" : parse.GetValue(call) ?? "build";

    public BuildFlags Flags(ParseResult parse) => new()
    {
        Context = parse.GetValue(context) ?? ".",
        File = parse.GetValue(file),
        Tags = [.. parse.GetValue(tags) ?? []],
        BuildArgs = [.. parse.GetValue(buildArgs) ?? []],
        Target = parse.GetValue(target),
        Platforms = [.. parse.GetValue(platforms) ?? []],
        Secrets = [.. parse.GetValue(secrets) ?? []],
        Ssh = [.. parse.GetValue(ssh) ?? []],
        BuildContexts = [.. parse.GetValue(buildContexts) ?? []],
        NoCache = parse.GetValue(noCache),
        NoCacheFilter = [.. parse.GetValue(noCacheFilter) ?? []],
        Progress = parse.GetValue(progress),
        Network = parse.GetValue(network),
        Allow = [.. parse.GetValue(allow) ?? []],
        Labels = [.. parse.GetValue(labels) ?? []],
        Annotations = [.. parse.GetValue(annotations) ?? []],
        IidFile = parse.GetValue(iidFile),
        MetadataFile = parse.GetValue(metadataFile),
        Outputs = [.. parse.GetValue(outputs) ?? []],
        Push = parse.GetValue(push),
        Load = parse.GetValue(load),
        Quiet = parse.GetValue(quiet),
        Ignored = [.. Ignored(parse)],
    };

    /// <summary>The flags given that kiln does not implement yet, as "--flag" names, for a warning.</summary>
    private IEnumerable<string> Ignored(ParseResult parse)
    {
        foreach (var option in new Option[] { cacheFrom, cacheTo, provenance, sbom, attest })
        {
            if (parse.GetResult(option) is not null)
            {
                yield return option.Name;
            }
        }
    }
}
