using System.Collections.Immutable;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Conversion;

/// <summary>What COPY and ADD share, taken from either instruction before expansion.</summary>
internal sealed record CopySpec(
    Instruction Instruction,
    string Keyword,
    ImmutableArray<Word> Sources,
    Word Destination,
    CopyOptions Options,
    Word? From,
    ImmutableArray<Heredoc> Heredocs,
    bool IsAdd,
    Word? Checksum,
    bool KeepGitDir = false)
{
    public static CopySpec Of(CopyInstruction c) =>
        new(c, "COPY", c.Sources, c.Destination, c.Options, c.From, c.Heredocs, false, null);

    public static CopySpec Of(AddInstruction a) =>
        new(a, "ADD", a.Sources, a.Destination, a.Options, null, a.Heredocs, true, a.Checksum, a.KeepGitDir);

    /// <summary>The here-document a source word names (<c>&lt;&lt;EOT</c>, <c>&lt;&lt;-"EOT"</c>), or null.</summary>
    public Heredoc? HeredocFor(Word source)
    {
        if (!source.Text.StartsWith("<<", StringComparison.Ordinal))
        {
            return null;
        }

        var name = source.Text.TrimStart('<').TrimStart('-').Trim('"', '\'');
        return Heredocs.FirstOrDefault(h => h.Name == name);
    }
}
