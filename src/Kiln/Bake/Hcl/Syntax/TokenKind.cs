namespace Kiln.Bake.Hcl.Syntax;

/// <summary>The kinds of token the HCL native-syntax lexer produces.</summary>
internal enum TokenKind
{
    EndOfFile,
    Newline,
    Identifier,
    Number,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    Ellipsis,
    Equals,
    FatArrow,
    Question,
    Colon,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    And,
    Or,
    Bang,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Tilde,

    /// <summary>The opening quote of a quoted template.</summary>
    OpenQuote,

    /// <summary>The closing quote of a quoted template.</summary>
    CloseQuote,

    /// <summary><c>&lt;&lt;EOT</c> or <c>&lt;&lt;-EOT</c> with its newline.</summary>
    OpenHeredoc,

    /// <summary>The closing marker line of a heredoc.</summary>
    CloseHeredoc,

    /// <summary>Literal template text; <see cref="Token.Value"/> holds it with escapes resolved.</summary>
    TemplateLiteral,

    /// <summary><c>${</c>.</summary>
    TemplateInterpolation,

    /// <summary><c>%{</c>.</summary>
    TemplateControl,

    /// <summary>The <c>}</c> that ends an interpolation or directive.</summary>
    TemplateSequenceEnd,

    Invalid,
}
