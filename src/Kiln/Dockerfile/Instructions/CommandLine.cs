using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>
/// The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form (JSON array, no shell) or shell form
/// (one raw word run by the stage's SHELL).
/// </summary>
internal sealed record CommandLine(ImmutableArray<Word> Args, bool IsJson)
{
    /// <summary>True for shell form: the shell is prepended when the command runs.</summary>
    public bool PrependShell => !IsJson;

    public bool IsEmpty => Args.IsDefaultOrEmpty;

    public static CommandLine From(Node node) => new(node.Args, node.IsJson);
}
