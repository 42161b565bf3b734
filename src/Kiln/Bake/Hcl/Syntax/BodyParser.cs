using System.Collections.Immutable;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>Parses bodies: attributes (<c>name = expr</c>) and blocks (<c>type "label" { ... }</c>), recovering line by line.</summary>
internal sealed class BodyParser(TokenStream tokens, ExpressionParser expressions)
{
    private int _depth;

    public HclBody ParseBody(TokenKind end, SourcePosition start)
    {
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        tokens.PushNewlines(false);
        while (true)
        {
            tokens.SkipNewlines();
            var token = tokens.Peek();
            if (token.Kind == end || token.Kind == TokenKind.EndOfFile || (token.Kind == TokenKind.CloseBrace && end == TokenKind.CloseBrace))
            {
                break;
            }

            if (token.Kind != TokenKind.Identifier)
            {
                tokens.Error(ErrorCodes.HclUnexpectedToken, $"Argument or block definition required: an argument or block definition is required here, found {TokenStream.Describe(token)}", tokens.Span(token));
                tokens.Next();
                tokens.RecoverToLineEnd();
                if (token.Kind == TokenKind.CloseBrace && end == TokenKind.EndOfFile)
                {
                    continue;
                }

                continue;
            }

            var name = tokens.Next();
            if (tokens.Peek().Kind == TokenKind.Equals)
            {
                var attribute = ParseAttribute(name);
                if (!names.Add(attribute.Name))
                {
                    tokens.Error(ErrorCodes.HclDuplicateAttribute, $"Attribute redefined: the argument \"{attribute.Name}\" was already set; each argument may be set only once", attribute.NameSpan);
                }
                else
                {
                    attributes.Add(attribute);
                }

                EndOfItem(end);
            }
            else if (tokens.Peek().Kind is TokenKind.Identifier or TokenKind.OpenQuote or TokenKind.OpenBrace)
            {
                if (ParseBlock(name) is { } block)
                {
                    blocks.Add(block);
                    EndOfItem(end);
                }
            }
            else
            {
                var found = tokens.Peek();
                tokens.Error(ErrorCodes.HclUnexpectedToken, $"Argument or block definition required: to set an argument, use the equals sign \"=\" to introduce the argument value; found {TokenStream.Describe(found)}", tokens.Span(name));
                tokens.RecoverToLineEnd();
            }
        }

        tokens.PopNewlines();
        return new HclBody(attributes.ToImmutable(), blocks.ToImmutable(), tokens.SpanFrom(start));
    }

    private HclAttribute ParseAttribute(Token name)
    {
        tokens.Next();
        var expression = expressions.Parse();
        return new HclAttribute(name.Text, expression, tokens.Span(name), tokens.SpanFrom(name.Start));
    }

    private HclBlock? ParseBlock(Token type)
    {
        var labels = ImmutableArray.CreateBuilder<string>();
        var labelSpans = ImmutableArray.CreateBuilder<SourceSpan>();
        while (tokens.Peek().Kind != TokenKind.OpenBrace)
        {
            var token = tokens.Peek();
            if (token.Kind == TokenKind.Identifier)
            {
                tokens.Next();
                labels.Add(token.Text);
                labelSpans.Add(tokens.Span(token));
            }
            else if (token.Kind == TokenKind.OpenQuote)
            {
                var label = expressions.Templates.ParseQuoted();
                labels.Add(LabelText(label));
                labelSpans.Add(label.Span);
            }
            else
            {
                tokens.Error(ErrorCodes.HclInvalidBlockLabel, $"Invalid block definition: either a quoted string block label or an opening brace (\"{{\") is expected here, found {TokenStream.Describe(token)}", tokens.Span(token));
                tokens.RecoverToLineEnd();
                return null;
            }
        }

        var open = tokens.Next();
        HclBody body;
        if (_depth >= ExpressionParser.MaxDepth)
        {
            tokens.Error(ErrorCodes.HclUnexpectedToken, $"Blocks nested too deep: more than {ExpressionParser.MaxDepth} levels", tokens.Span(open));
            tokens.SkipToEnd();
            return null;
        }

        if (tokens.PeekRaw().Kind is TokenKind.Newline)
        {
            _depth++;
            body = ParseBody(TokenKind.CloseBrace, open.Start);
            _depth--;
        }
        else
        {
            body = ParseSingleLineBody(open);
        }

        if (!tokens.Expect(TokenKind.CloseBrace, "\"}\" to end the block"))
        {
            tokens.RecoverTo(TokenKind.CloseBrace);
            tokens.Accept(TokenKind.CloseBrace);
        }

        return new HclBlock(type.Text, labels.ToImmutable(), labelSpans.ToImmutable(), body, tokens.Span(type), tokens.SpanFrom(type.Start));
    }

    /// <summary>A block on one line, <c>type { name = value }</c>: at most one attribute and no nested blocks.</summary>
    private HclBody ParseSingleLineBody(Token open)
    {
        var attributes = ImmutableArray<HclAttribute>.Empty;
        var token = tokens.Peek();
        if (token.Kind == TokenKind.Identifier && tokens.Peek(1).Kind == TokenKind.Equals)
        {
            attributes = [ParseAttribute(tokens.Next())];
        }
        else if (token.Kind != TokenKind.CloseBrace)
        {
            tokens.Error(ErrorCodes.HclUnexpectedToken, $"Invalid single-argument block definition: a single-line block may hold only one argument; found {TokenStream.Describe(token)}", tokens.Span(token));
            tokens.RecoverTo(TokenKind.CloseBrace);
        }

        return new HclBody(attributes, [], tokens.SpanFrom(open.Start));
    }

    private string LabelText(Expression label)
    {
        if (label is TemplateExpression { Parts: [] })
        {
            return "";
        }

        if (label is TemplateExpression { Parts: [TemplateLiteralPart literal] })
        {
            return literal.Text;
        }

        tokens.Error(ErrorCodes.HclInvalidBlockLabel, "Invalid block label: template sequences are not allowed in block labels", label.Span);
        return "";
    }

    /// <summary>An attribute or block must be followed by a newline, the end of the file or of the enclosing block.</summary>
    private void EndOfItem(TokenKind end)
    {
        var next = tokens.PeekRaw();
        if (next.Kind is TokenKind.Newline or TokenKind.EndOfFile || (next.Kind == TokenKind.CloseBrace && end == TokenKind.CloseBrace))
        {
            return;
        }

        tokens.Error(ErrorCodes.HclMissingNewline, $"Missing newline after argument: an argument definition must end with a newline, found {TokenStream.Describe(next)}", tokens.Span(next));
        tokens.RecoverToLineEnd();
    }
}
