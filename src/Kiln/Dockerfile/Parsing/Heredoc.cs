using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>A here-document attached to RUN, COPY or ADD: its delimiter, raw body and quoting.</summary>
/// <param name="Name">The delimiter with quotes removed.</param>
/// <param name="Content">The raw body lines, each with its line ending, without the terminator line.</param>
/// <param name="Expand">False when any part of the delimiter was quoted, which turns expansion off.</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c>: leading tabs are stripped from the body.</param>
/// <param name="FileDescriptor">The number written before <c>&lt;&lt;</c>, 0 when none.</param>
/// <param name="Span">The body and terminator lines.</param>
internal sealed record Heredoc(string Name, string Content, bool Expand, bool Chomp, int FileDescriptor, SourceSpan Span)
{
    /// <summary>The body with leading tabs removed from every line when <see cref="Chomp"/> is set.</summary>
    public string EffectiveContent()
    {
        if (!Chomp)
        {
            return Content;
        }

        var sb = new StringBuilder(Content.Length);
        var atLineStart = true;
        foreach (var ch in Content)
        {
            if (atLineStart && ch == '\t')
            {
                continue;
            }

            atLineStart = ch == '\n';
            sb.Append(ch);
        }

        return sb.ToString();
    }
}
