using System.Collections.Immutable;
using Kiln.Bake.Hcl.Expressions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>Parses expressions: operators by precedence, conditionals, terms, traversals and function calls.</summary>
internal sealed class ExpressionParser
{
    private static readonly (TokenKind Token, BinaryOperator Operator)[][] Levels =
    [
        [(TokenKind.Or, BinaryOperator.Or)],
        [(TokenKind.And, BinaryOperator.And)],
        [(TokenKind.EqualEqual, BinaryOperator.Equal), (TokenKind.NotEqual, BinaryOperator.NotEqual)],
        [(TokenKind.Less, BinaryOperator.Less), (TokenKind.LessEqual, BinaryOperator.LessEqual), (TokenKind.Greater, BinaryOperator.Greater), (TokenKind.GreaterEqual, BinaryOperator.GreaterEqual)],
        [(TokenKind.Plus, BinaryOperator.Add), (TokenKind.Minus, BinaryOperator.Subtract)],
        [(TokenKind.Star, BinaryOperator.Multiply), (TokenKind.Slash, BinaryOperator.Divide), (TokenKind.Percent, BinaryOperator.Modulo)],
    ];

    private readonly TokenStream _tokens;
    private readonly TemplateParser _templates;
    private readonly CollectionParser _collections;
    private int _splatCount;
    private int _depth;

    public ExpressionParser(TokenStream tokens)
    {
        _tokens = tokens;
        _templates = new TemplateParser(tokens, this);
        _collections = new CollectionParser(tokens, this);
    }

    public TemplateParser Templates => _templates;

    /// <summary>Deeper nesting than this is refused, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 200;

    public Expression Parse()
    {
        if (_depth >= MaxDepth)
        {
            var at = _tokens.Peek();
            _tokens.Error(ErrorCodes.HclUnexpectedToken, $"Expression nesting too deep: more than {MaxDepth} levels", _tokens.Span(at));
            _tokens.SkipToEnd();
            return new ErrorExpression(_tokens.Span(at));
        }

        _depth++;
        try
        {
            return ParseConditional();
        }
        finally
        {
            _depth--;
        }
    }

    private Expression ParseConditional()
    {
        var condition = ParseBinary(0);
        if (!_tokens.Accept(TokenKind.Question))
        {
            return condition;
        }

        var whenTrue = Parse();
        _tokens.Expect(TokenKind.Colon, "\":\" of the conditional expression");
        var whenFalse = Parse();
        return new ConditionalExpression(condition, whenTrue, whenFalse, Join(condition.Span, whenFalse.Span));
    }

    private Expression ParseBinary(int level)
    {
        if (level == Levels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (OperatorAt(level, _tokens.Peek().Kind) is { } op)
        {
            _tokens.Next();
            var right = ParseBinary(level + 1);
            left = new BinaryExpression(op, left, right, Join(left.Span, right.Span));
        }

        return left;
    }

    private static BinaryOperator? OperatorAt(int level, TokenKind kind)
    {
        foreach (var (token, op) in Levels[level])
        {
            if (token == kind)
            {
                return op;
            }
        }

        return null;
    }

    private Expression ParseUnary()
    {
        var token = _tokens.Peek();
        if (token.Kind is TokenKind.Minus or TokenKind.Bang)
        {
            _tokens.Next();
            var operand = ParseUnary();
            var op = token.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Not;
            return new UnaryExpression(op, operand, Join(_tokens.Span(token), operand.Span));
        }

        return ParseTraversals(ParsePrimary());
    }

    private Expression ParsePrimary()
    {
        var token = _tokens.Peek();
        switch (token.Kind)
        {
            case TokenKind.Number:
                _tokens.Next();
                if (BigFloat.TryParse(token.Text, out var number))
                {
                    return new LiteralExpression(HclValue.From(number), _tokens.Span(token));
                }

                _tokens.Error(ErrorCodes.HclInvalidNumber, $"Invalid number literal \"{token.Text}\"", _tokens.Span(token));
                return new ErrorExpression(_tokens.Span(token));
            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.OpenQuote:
                return _templates.ParseQuoted();
            case TokenKind.OpenHeredoc:
                return _templates.ParseHeredoc();
            case TokenKind.OpenParen:
                return ParseParentheses();
            case TokenKind.OpenBracket:
                return _collections.ParseTuple();
            case TokenKind.OpenBrace:
                return _collections.ParseObject();
            default:
                if (token.Kind is not (TokenKind.EndOfFile or TokenKind.Newline or TokenKind.CloseBrace or TokenKind.CloseBracket
                    or TokenKind.CloseParen or TokenKind.TemplateSequenceEnd or TokenKind.CloseQuote or TokenKind.Comma))
                {
                    _tokens.Next();
                }

                _tokens.Error(ErrorCodes.HclUnexpectedToken, $"Invalid expression: expected the start of an expression, but found {TokenStream.Describe(token)}", _tokens.Span(token));
                return new ErrorExpression(_tokens.Span(token));
        }
    }

    private Expression ParseIdentifier()
    {
        var token = _tokens.Next();
        var span = _tokens.Span(token);
        switch (token.Text)
        {
            case "true": return new LiteralExpression(HclValue.True, span);
            case "false": return new LiteralExpression(HclValue.False, span);
            case "null": return new LiteralExpression(HclValue.Null, span);
        }

        return _tokens.PeekRaw().Kind == TokenKind.OpenParen ? ParseCall(token) : new VariableExpression(token.Text, span);
    }

    private Expression ParseParentheses()
    {
        var open = _tokens.Next();
        _tokens.PushNewlines(true);
        var inner = Parse();
        if (!_tokens.Expect(TokenKind.CloseParen, "\")\""))
        {
            _tokens.RecoverTo(TokenKind.CloseParen);
            _tokens.Accept(TokenKind.CloseParen);
        }

        _tokens.PopNewlines();
        return new ParenthesesExpression(inner, _tokens.SpanFrom(open.Start));
    }

    private Expression ParseCall(Token name)
    {
        _tokens.Next();
        _tokens.PushNewlines(true);
        var arguments = ImmutableArray.CreateBuilder<Expression>();
        var expand = false;
        while (_tokens.Peek().Kind is not (TokenKind.CloseParen or TokenKind.EndOfFile) && !_tokens.LooksLikeAttributeStart())
        {
            arguments.Add(Parse());
            if (_tokens.Accept(TokenKind.Ellipsis))
            {
                expand = true;
                _tokens.Accept(TokenKind.Comma);
                break;
            }

            if (!_tokens.Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (_tokens.Peek().Kind == TokenKind.EndOfFile || _tokens.LooksLikeAttributeStart())
        {
            _tokens.Error(ErrorCodes.HclUnexpectedToken, $"Unterminated function call: there is no closing parenthesis for this call to \"{name.Text}\"", _tokens.Span(name));
        }
        else if (!_tokens.Expect(TokenKind.CloseParen, "\")\" to end the function call"))
        {
            _tokens.RecoverTo(TokenKind.CloseParen);
            _tokens.Accept(TokenKind.CloseParen);
        }

        _tokens.PopNewlines();
        return new FunctionCallExpression(name.Text, arguments.ToImmutable(), expand, _tokens.Span(name), _tokens.SpanFrom(name.Start));
    }

    private Expression ParseTraversals(Expression source)
    {
        while (true)
        {
            var next = _tokens.PeekRaw();
            if (next.Kind == TokenKind.Dot && _tokens.Peek(1).Kind == TokenKind.Star)
            {
                _tokens.Next();
                _tokens.Next();
                source = MakeSplat(source, attributesOnly: true);
                continue;
            }

            if (next.Kind == TokenKind.OpenBracket && _tokens.Peek(1).Kind == TokenKind.Star && _tokens.Peek(2).Kind == TokenKind.CloseBracket)
            {
                _tokens.Next();
                _tokens.Next();
                _tokens.Next();
                source = MakeSplat(source, attributesOnly: false);
                continue;
            }

            var step = ParseStep(source, allowIndex: true);
            if (step is null)
            {
                return source;
            }

            source = step;
        }
    }

    private Expression MakeSplat(Expression source, bool attributesOnly)
    {
        var item = new SplatItemExpression($"\0splat{_splatCount++}", source.Span);
        Expression each = item;
        while (ParseStep(each, allowIndex: !attributesOnly) is { } step)
        {
            each = step;
        }

        return new SplatExpression(source, each, item, _tokens.SpanFrom(source.Span.Start));
    }

    /// <summary>One <c>.name</c>, <c>.0</c> or <c>[key]</c> step, or null if the next token starts none.</summary>
    private Expression? ParseStep(Expression source, bool allowIndex)
    {
        var next = _tokens.PeekRaw();
        var start = source.Span.Start;
        if (next.Kind == TokenKind.Dot)
        {
            var after = _tokens.Peek(1);
            if (after.Kind == TokenKind.Identifier)
            {
                _tokens.Next();
                _tokens.Next();
                return new GetAttributeExpression(source, after.Text, _tokens.SpanFrom(start));
            }

            if (after.Kind == TokenKind.Number && after.Text.All(char.IsAsciiDigit))
            {
                _tokens.Next();
                _tokens.Next();
                var key = new LiteralExpression(HclValue.From(BigFloat.Parse(after.Text)), _tokens.Span(after));
                return new IndexExpression(source, key, _tokens.SpanFrom(start));
            }

            if (after.Kind == TokenKind.Number)
            {
                // "a.0.1" lexes as "a", ".", "0.1": HCL refuses to chain legacy indexes.
                _tokens.Next();
                _tokens.Next();
                _tokens.Error(ErrorCodes.HclUnexpectedToken, "Invalid legacy index syntax: chaining two legacy indexes is not permitted; use the proper index syntax instead, like [1][0]", _tokens.Span(after));
                return new ErrorExpression(_tokens.Span(after));
            }

            _tokens.Next();
            _tokens.Error(ErrorCodes.HclUnexpectedToken, $"Invalid attribute name: an attribute name is required after a dot, found {TokenStream.Describe(after)}", _tokens.Span(after));
            return new ErrorExpression(_tokens.Span(after));
        }

        if (next.Kind == TokenKind.OpenBracket && allowIndex)
        {
            _tokens.Next();
            _tokens.PushNewlines(true);
            var key = Parse();
            if (!_tokens.Expect(TokenKind.CloseBracket, "\"]\" to end the index"))
            {
                _tokens.RecoverTo(TokenKind.CloseBracket);
                _tokens.Accept(TokenKind.CloseBracket);
            }

            _tokens.PopNewlines();
            return new IndexExpression(source, key, _tokens.SpanFrom(start));
        }

        return null;
    }

    internal static SourceSpan Join(SourceSpan a, SourceSpan b) => new(a.File, a.Start, b.End);
}
