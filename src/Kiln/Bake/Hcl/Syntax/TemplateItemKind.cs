namespace Kiln.Bake.Hcl.Syntax;

/// <summary>The kinds of flat template item, before directives are nested.</summary>
internal enum TemplateItemKind
{
    Literal,
    Interpolation,
    If,
    Else,
    EndIf,
    For,
    EndFor,
    Invalid,
}
