using System.CommandLine;
using Kiln.Bake.Overrides;
using Kiln.Diagnostics;

namespace Kiln.Cli.Commands;

/// <summary>The flags of <c>kiln bake</c> and their mapping to <see cref="BakeCommandOptions"/>; shorthands become <c>--set</c> flags.</summary>
internal sealed class BakeCommandLine
{
    private readonly Argument<string[]> _targets = new("TARGET") { Description = "Targets or groups to build (default: the default group)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _files = new("--file", "-f") { Description = "Build definition file" };
    private readonly Option<string[]> _sets = new("--set") { Description = "Override target value (e.g., targetpattern.key=value)" };
    private readonly Option<bool> _print = new("--print") { Description = "Print the options without building" };
    private readonly Option<string?> _list = new("--list") { Description = "List targets or variables (targets, variables)" };
    private readonly Option<bool> _push = new("--push") { Description = "Shorthand for \"--set=*.output=type=registry\"" };
    private readonly Option<bool> _load = new("--load") { Description = "Shorthand for \"--set=*.output=type=docker\"" };
    private readonly Option<bool?> _noCache = new("--no-cache") { Description = "Do not use cache when building the image", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool?> _pull = new("--pull") { Description = "Always attempt to pull all referenced images", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _progress = new("--progress") { Description = "Set type of progress output (auto, plain, tty, rawjson, quiet)" };
    private readonly Option<string?> _metadata = new("--metadata-file") { Description = "Write build result metadata to the file" };
    private readonly Option<string?> _provenance = new("--provenance") { Description = "Shorthand for \"--set=*.attest=type=provenance\"" };
    private readonly Option<string?> _sbom = new("--sbom") { Description = "Shorthand for \"--set=*.attest=type=sbom\"" };

    public BakeCommandLine()
    {
        Command = new Command("bake", "Build from a file")
        {
            _targets, _files, _sets, _print, _list, _push, _load, _noCache, _pull, _progress, _metadata, _provenance, _sbom,
        };
    }

    public Command Command { get; }

    /// <summary>Parses a bake command line (without the leading "bake") into options; used by tests and benchmarks.</summary>
    public static BakeCommandOptions Parse(IReadOnlyList<string> args)
    {
        var line = new BakeCommandLine();
        var parse = line.Command.Parse(args);
        if (parse.Errors.Count > 0)
        {
            throw new KilnException(ErrorCodes.InvalidArgument, string.Join("; ", parse.Errors.Select(e => e.Message)));
        }

        return line.Options(parse);
    }

    public BakeCommandOptions Options(ParseResult parse) => new(
        [.. parse.GetValue(_targets) ?? []],
        [.. parse.GetValue(_files) ?? []],
        BakeShorthands.Expand(
            parse.GetValue(_sets) ?? [],
            parse.GetValue(_push),
            parse.GetValue(_load),
            parse.GetResult(_noCache) is null ? null : parse.GetValue(_noCache) ?? true,
            parse.GetResult(_pull) is null ? null : parse.GetValue(_pull) ?? true,
            parse.GetValue(_sbom),
            parse.GetValue(_provenance)),
        parse.GetValue(_print),
        parse.GetValue(_list))
    {
        Progress = parse.GetValue(_progress),
        MetadataFile = parse.GetValue(_metadata),
    };
}
