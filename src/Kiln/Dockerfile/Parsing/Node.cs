using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// One untyped instruction as the parser saw it: keyword, raw flags and raw argument words, each with spans.
/// Arguments are never expanded here.
/// </summary>
/// <param name="Keyword">The instruction name as written (original casing).</param>
/// <param name="Flags">Each leading <c>--flag[=value]</c> word, quotes removed, including the dashes.</param>
/// <param name="Args">Argument words; for ENV and LABEL keys and values alternate.</param>
/// <param name="IsJson">True when the arguments were written as a JSON array (exec form).</param>
/// <param name="Rest">All text after the flags as one word, or null when there is none.</param>
/// <param name="Original">The logical line: continuations joined, comments removed.</param>
/// <param name="LegacyKeyValue">True for ENV or LABEL written as <c>KEY name value</c>.</param>
/// <param name="Trigger">The wrapped instruction of ONBUILD.</param>
/// <param name="Comments">The comment lines directly above the instruction, without '#'.</param>
/// <param name="HasError">True when the parser reported an error for this node.</param>
internal sealed record Node(
    string Keyword,
    ImmutableArray<Word> Flags,
    ImmutableArray<Word> Args,
    bool IsJson,
    Word? Rest,
    string Original,
    SourceSpan Span,
    SourceSpan KeywordSpan)
{
    /// <summary>The lower-case instruction name used for dispatch.</summary>
    public string Name => Keyword.ToLowerInvariant();

    public bool LegacyKeyValue { get; init; }

    public ImmutableArray<Heredoc> Heredocs { get; init; } = [];

    public Node? Trigger { get; init; }

    public ImmutableArray<string> Comments { get; init; } = [];

    public bool HasError { get; init; }
}
