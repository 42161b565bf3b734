using System.Collections.Immutable;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>
/// Parses quoted and heredoc templates in three passes: read flat items (literals, interpolations, directives),
/// apply <c>~</c> strip markers then heredoc indentation, nest directives into parts.
/// </summary>
internal sealed class TemplateParser(TokenStream tokens, ExpressionParser expressions)
{
    private int _nesting;

    public Expression ParseQuoted()
    {
        var open = tokens.Next();
        var items = ReadItems(TokenKind.CloseQuote);
        tokens.Expect(TokenKind.CloseQuote, "closing quote");
        return Build(items, tokens.SpanFrom(open.Start));
    }

    public Expression ParseHeredoc()
    {
        var open = tokens.Next();
        var items = ReadItems(TokenKind.CloseHeredoc);
        tokens.Expect(TokenKind.CloseHeredoc, "heredoc end marker");
        return Build(items, tokens.SpanFrom(open.Start), flush: open.Value.StartsWith('-'));
    }

    /// <summary>Parses a whole source as one template, up to the end of input (for JSON files and the like).</summary>
    public Expression ParseBare()
    {
        var start = tokens.Peek().Start;
        var items = ReadItems(TokenKind.EndOfFile);
        return Build(items, tokens.SpanFrom(start));
    }

    /// <summary>Strip markers apply first, then <c>&lt;&lt;-</c> indentation removal, as in HCL.</summary>
    private Expression Build(List<TemplateItem> items, SourceSpan span, bool flush = false)
    {
        TemplateItem.ApplyStripMarkers(items);
        if (flush)
        {
            TemplateItem.RemoveIndentation(items);
        }

        var index = 0;
        var parts = Nest(items, ref index, null, span);
        return new TemplateExpression(parts, span);
    }

    private List<TemplateItem> ReadItems(TokenKind end)
    {
        var items = new List<TemplateItem>();
        tokens.PushNewlines(false);
        try
        {
            while (true)
            {
                var token = tokens.PeekRaw();
                if (token.Kind == end || token.Kind == TokenKind.EndOfFile)
                {
                    return items;
                }

                switch (token.Kind)
                {
                    case TokenKind.TemplateLiteral:
                        tokens.Next();
                        items.Add(TemplateItem.Literal(token.Value, tokens.Span(token)));
                        break;
                    case TokenKind.TemplateInterpolation:
                        items.Add(ReadInterpolation());
                        break;
                    case TokenKind.TemplateControl:
                        items.Add(ReadDirective());
                        break;
                    default:
                        tokens.Error(ErrorCodes.HclUnexpectedToken, $"Unexpected {TokenStream.Describe(token)} in template", tokens.Span(token));
                        return items;
                }
            }
        }
        finally
        {
            tokens.PopNewlines();
        }
    }

    private TemplateItem ReadInterpolation()
    {
        var open = tokens.Next();
        tokens.PushNewlines(true);
        var stripLeft = tokens.Accept(TokenKind.Tilde);
        var expression = expressions.Parse();
        var stripRight = tokens.Accept(TokenKind.Tilde);
        CloseSequence("\"}\" to end the interpolation");
        tokens.PopNewlines();
        return new TemplateItem(TemplateItemKind.Interpolation, tokens.SpanFrom(open.Start)) { Expression = expression, StripLeft = stripLeft, StripRight = stripRight };
    }

    private TemplateItem ReadDirective()
    {
        var open = tokens.Next();
        tokens.PushNewlines(true);
        var stripLeft = tokens.Accept(TokenKind.Tilde);
        var keyword = tokens.Peek();
        var item = new TemplateItem(TemplateItemKind.Invalid, tokens.Span(keyword));
        if (keyword.Kind == TokenKind.Identifier)
        {
            tokens.Next();
            item = keyword.Text switch
            {
                "if" => item with { Kind = TemplateItemKind.If, Expression = expressions.Parse() },
                "else" => item with { Kind = TemplateItemKind.Else },
                "endif" => item with { Kind = TemplateItemKind.EndIf },
                "for" => ReadForHeader(item),
                "endfor" => item with { Kind = TemplateItemKind.EndFor },
                _ => item,
            };
        }

        if (item.Kind == TemplateItemKind.Invalid)
        {
            tokens.Error(ErrorCodes.HclInvalidTemplateDirective, $"Invalid template directive: expected if, else, endif, for or endfor, found {TokenStream.Describe(keyword)}", tokens.Span(keyword));
            tokens.RecoverTo(TokenKind.TemplateSequenceEnd);
        }

        var stripRight = tokens.Accept(TokenKind.Tilde);
        CloseSequence("\"}\" to end the template directive");
        tokens.PopNewlines();
        return item with { StripLeft = stripLeft, StripRight = stripRight, Span = tokens.SpanFrom(open.Start) };
    }

    private TemplateItem ReadForHeader(TemplateItem item)
    {
        var names = new List<string>();
        while (tokens.Peek().Kind == TokenKind.Identifier && names.Count < 2)
        {
            names.Add(tokens.Next().Text);
            if (!tokens.Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (names.Count == 0 || !tokens.AcceptKeyword("in"))
        {
            tokens.Error(ErrorCodes.HclInvalidTemplateDirective, "Invalid template 'for' directive: expected \"for NAME in COLLECTION\" or \"for KEY, VALUE in COLLECTION\"", tokens.Span(tokens.Peek()));
            tokens.RecoverTo(TokenKind.TemplateSequenceEnd);
            return item with { Kind = TemplateItemKind.Invalid };
        }

        var (key, value) = names.Count == 2 ? (names[0], names[1]) : ((string?)null, names[0]);
        return item with { Kind = TemplateItemKind.For, KeyVariable = key, ValueVariable = value, Expression = expressions.Parse() };
    }

    private void CloseSequence(string what)
    {
        if (!tokens.Expect(TokenKind.TemplateSequenceEnd, what))
        {
            tokens.RecoverTo(TokenKind.TemplateSequenceEnd);
            tokens.Accept(TokenKind.TemplateSequenceEnd);
        }
    }

    /// <summary>Builds parts from <paramref name="index"/> until the directive that closes <paramref name="opener"/>.</summary>
    private ImmutableArray<TemplatePart> Nest(List<TemplateItem> items, ref int index, TemplateItem? opener, SourceSpan whole)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        if (++_nesting > ExpressionParser.MaxDepth)
        {
            tokens.Error(ErrorCodes.HclInvalidTemplateDirective, $"Template directives nested too deep: more than {ExpressionParser.MaxDepth} levels", items[Math.Min(index, items.Count - 1)].Span);
            index = items.Count;
            _nesting--;
            return parts.ToImmutable();
        }

        try
        {
            return NestParts(items, ref index, opener, whole, parts);
        }
        finally
        {
            _nesting--;
        }
    }

    private ImmutableArray<TemplatePart> NestParts(List<TemplateItem> items, ref int index, TemplateItem? opener, SourceSpan whole, ImmutableArray<TemplatePart>.Builder parts)
    {
        while (index < items.Count)
        {
            var item = items[index];
            switch (item.Kind)
            {
                case TemplateItemKind.Literal:
                    index++;
                    if (item.Text.Length > 0)
                    {
                        parts.Add(new TemplateLiteralPart(item.Text));
                    }

                    break;
                case TemplateItemKind.Interpolation:
                    index++;
                    parts.Add(new TemplateInterpolationPart(item.Expression!));
                    break;
                case TemplateItemKind.If:
                    index++;
                    parts.Add(NestIf(items, ref index, item, whole));
                    break;
                case TemplateItemKind.For:
                    index++;
                    var body = Nest(items, ref index, item, whole);
                    if (index < items.Count && items[index].Kind == TemplateItemKind.EndFor)
                    {
                        index++;
                    }

                    parts.Add(new TemplateForPart(item.KeyVariable, item.ValueVariable!, item.Expression!, body));
                    break;
                case TemplateItemKind.Else or TemplateItemKind.EndIf when opener?.Kind == TemplateItemKind.If:
                case TemplateItemKind.EndFor when opener?.Kind == TemplateItemKind.For:
                    return parts.ToImmutable();
                case TemplateItemKind.Invalid:
                    index++;
                    break;
                default:
                    index++;
                    tokens.Error(ErrorCodes.HclInvalidTemplateDirective, $"Unexpected template directive: there is no open {(item.Kind == TemplateItemKind.EndFor ? "for" : "if")} directive for this one to close", item.Span);
                    break;
            }
        }

        if (opener is not null)
        {
            var name = opener.Kind == TemplateItemKind.For ? "endfor" : "endif";
            tokens.Error(ErrorCodes.HclInvalidTemplateDirective, $"Unterminated template directive: no %{{{name}}} for this directive", opener.Span);
        }

        return parts.ToImmutable();
    }

    private TemplateIfPart NestIf(List<TemplateItem> items, ref int index, TemplateItem opener, SourceSpan whole)
    {
        var then = Nest(items, ref index, opener, whole);
        var otherwise = ImmutableArray<TemplatePart>.Empty;
        if (index < items.Count && items[index].Kind == TemplateItemKind.Else)
        {
            index++;
            otherwise = Nest(items, ref index, opener, whole);
            if (index < items.Count && items[index].Kind == TemplateItemKind.Else)
            {
                tokens.Error(ErrorCodes.HclInvalidTemplateDirective, "Unexpected template directive: an if directive has only one else", items[index].Span);
                index++;
                otherwise = otherwise.AddRange(Nest(items, ref index, opener, whole));
            }
        }

        if (index < items.Count && items[index].Kind == TemplateItemKind.EndIf)
        {
            index++;
        }

        return new TemplateIfPart(opener.Expression!, then, otherwise);
    }
}
