using System.Collections.Immutable;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Syntax;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl;

/// <summary>Entry points for parsing HCL native syntax: whole files, single expressions and bare templates.</summary>
internal static class HclParser
{
    /// <summary>Parses a configuration file. Never throws on bad input: every problem becomes a diagnostic.</summary>
    public static HclParseResult ParseFile(string source, string fileName)
    {
        var (tokens, diagnostics) = HclLexer.Tokenize(source, fileName);
        var all = new List<Diagnostic>(diagnostics);
        var stream = new TokenStream(tokens, fileName, all);
        var body = new BodyParser(stream, new ExpressionParser(stream)).ParseBody(TokenKind.EndOfFile, new SourcePosition(1, 1));
        return new HclParseResult(fileName, source, body, Sorted(all));
    }

    /// <summary>Parses one expression that must make up the whole source.</summary>
    public static (Expression Expression, ImmutableArray<Diagnostic> Diagnostics) ParseExpression(string source, string fileName)
    {
        var (tokens, diagnostics) = HclLexer.Tokenize(source, fileName);
        var all = new List<Diagnostic>(diagnostics);
        var stream = new TokenStream(tokens, fileName, all);
        stream.PushNewlines(true);
        var expression = new ExpressionParser(stream).Parse();
        var rest = stream.Peek();
        if (rest.Kind != TokenKind.EndOfFile)
        {
            stream.Error(ErrorCodes.HclUnexpectedToken, $"Extra characters after expression: found {TokenStream.Describe(rest)}", stream.Span(rest));
        }

        return (expression, Sorted(all));
    }

    /// <summary>Parses a source that is a template as a whole (string values of JSON bake files, for instance).</summary>
    public static (Expression Expression, ImmutableArray<Diagnostic> Diagnostics) ParseTemplate(string source, string fileName)
    {
        var (tokens, diagnostics) = HclLexer.Tokenize(source, fileName, startInTemplate: true);
        var all = new List<Diagnostic>(diagnostics);
        var stream = new TokenStream(tokens, fileName, all);
        var expression = new ExpressionParser(stream).Templates.ParseBare();
        return (expression, Sorted(all));
    }

    private static ImmutableArray<Diagnostic> Sorted(List<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Span?.Start.Line ?? 0).ThenBy(d => d.Span?.Start.Column ?? 0)];
}
