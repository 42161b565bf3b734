using System.Collections.Immutable;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>Parses tuple and object constructors, including the <c>for</c> expressions written inside their brackets.</summary>
internal sealed class CollectionParser(TokenStream tokens, ExpressionParser expressions)
{
    public Expression ParseTuple()
    {
        var open = tokens.Next();
        tokens.PushNewlines(true);
        try
        {
            if (tokens.Peek() is { Kind: TokenKind.Identifier, Text: "for" })
            {
                return ParseFor(open, TokenKind.CloseBracket);
            }

            var items = ImmutableArray.CreateBuilder<Expression>();
            while (tokens.Peek().Kind is not (TokenKind.CloseBracket or TokenKind.EndOfFile) && !tokens.LooksLikeAttributeStart())
            {
                items.Add(expressions.Parse());
                if (!tokens.Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            Close(TokenKind.CloseBracket, "\"]\" to end the tuple, or a comma between items");
            return new TupleExpression(items.ToImmutable(), tokens.SpanFrom(open.Start));
        }
        finally
        {
            tokens.PopNewlines();
        }
    }

    public Expression ParseObject()
    {
        var open = tokens.Next();
        tokens.PushNewlines(true);
        var isFor = tokens.Peek() is { Kind: TokenKind.Identifier, Text: "for" };
        tokens.PopNewlines();
        if (isFor)
        {
            tokens.PushNewlines(true);
            try
            {
                return ParseFor(open, TokenKind.CloseBrace);
            }
            finally
            {
                tokens.PopNewlines();
            }
        }

        tokens.PushNewlines(false);
        try
        {
            return ParseObjectItems(open);
        }
        finally
        {
            tokens.PopNewlines();
        }
    }

    private ObjectExpression ParseObjectItems(Token open)
    {
        var items = ImmutableArray.CreateBuilder<ObjectItem>();
        while (true)
        {
            tokens.SkipNewlines();
            if (tokens.Peek().Kind is TokenKind.CloseBrace or TokenKind.EndOfFile)
            {
                break;
            }

            var key = ObjectKey(expressions.Parse());
            if (!tokens.Accept(TokenKind.Equals) && !tokens.Accept(TokenKind.Colon))
            {
                var found = tokens.Peek();
                tokens.Error(ErrorCodes.HclUnexpectedToken, $"Missing key/value separator: expected an equals sign (\"=\") to mark the beginning of the attribute value, found {TokenStream.Describe(found)}", tokens.Span(found));
                tokens.RecoverTo(TokenKind.CloseBrace);
                break;
            }

            items.Add(new ObjectItem(key, expressions.Parse()));
            var separator = tokens.PeekRaw();
            if (separator.Kind is TokenKind.Comma or TokenKind.Newline)
            {
                tokens.Next();
                continue;
            }

            if (separator.Kind != TokenKind.CloseBrace)
            {
                tokens.Error(ErrorCodes.HclUnexpectedToken, $"Missing attribute separator: expected a newline or comma to mark the beginning of the next attribute, found {TokenStream.Describe(separator)}", tokens.Span(separator));
                tokens.RecoverTo(TokenKind.CloseBrace);
            }

            break;
        }

        tokens.SkipNewlines();
        Close(TokenKind.CloseBrace, "\"}\" to end the object");
        return new ObjectExpression(items.ToImmutable(), tokens.SpanFrom(open.Start));
    }

    /// <summary>A bare identifier key names the attribute literally; anything else (including <c>(name)</c>) is evaluated.</summary>
    private static Expression ObjectKey(Expression key) =>
        key is VariableExpression v ? new LiteralExpression(HclValue.From(v.Name), v.Span) : key;

    private Expression ParseFor(Token open, TokenKind closer)
    {
        tokens.Next();
        var names = new List<string>();
        do
        {
            var name = tokens.Peek();
            if (name.Kind != TokenKind.Identifier)
            {
                return ForError(open, closer, $"Invalid 'for' expression: an iterator variable name is required, found {TokenStream.Describe(name)}", name);
            }

            names.Add(tokens.Next().Text);
        }
        while (names.Count < 2 && tokens.Accept(TokenKind.Comma));

        if (!tokens.AcceptKeyword("in"))
        {
            return ForError(open, closer, $"Invalid 'for' expression: the keyword \"in\" is required after the iterator names, found {TokenStream.Describe(tokens.Peek())}", tokens.Peek());
        }

        var collection = expressions.Parse();
        if (!tokens.Accept(TokenKind.Colon))
        {
            return ForError(open, closer, $"Invalid 'for' expression: a colon is required after the collection, found {TokenStream.Describe(tokens.Peek())}", tokens.Peek());
        }

        Expression? keyResult = null;
        var value = expressions.Parse();
        var group = false;
        if (closer == TokenKind.CloseBrace)
        {
            if (!tokens.Accept(TokenKind.FatArrow))
            {
                return ForError(open, closer, "Invalid 'for' expression: key expression is required when building an object (\"key => value\")", value.Span);
            }

            keyResult = value;
            value = expressions.Parse();
            group = tokens.Accept(TokenKind.Ellipsis);
        }

        var condition = tokens.AcceptKeyword("if") ? expressions.Parse() : null;
        Close(closer, closer == TokenKind.CloseBracket ? "\"]\" to end the 'for' expression" : "\"}\" to end the 'for' expression");
        var (keyVariable, valueVariable) = names.Count == 2 ? (names[0], names[1]) : ((string?)null, names[0]);
        return new ForExpression(keyVariable, valueVariable, collection, keyResult, value, condition, group, tokens.SpanFrom(open.Start));
    }

    private ErrorExpression ForError(Token open, TokenKind closer, string message, Token at) => ForError(open, closer, message, tokens.Span(at));

    private ErrorExpression ForError(Token open, TokenKind closer, string message, SourceSpan at)
    {
        tokens.Error(ErrorCodes.HclInvalidForExpression, message, at);
        tokens.RecoverTo(closer);
        tokens.Accept(closer);
        return new ErrorExpression(tokens.SpanFrom(open.Start));
    }

    private void Close(TokenKind closer, string what)
    {
        if (!tokens.Expect(closer, what))
        {
            tokens.RecoverTo(closer);
            tokens.Accept(closer);
        }
    }
}
