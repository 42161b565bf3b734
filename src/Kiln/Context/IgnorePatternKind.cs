namespace Kiln.Context;

/// <summary>How an ignore pattern is matched; BuildKit picks the cheapest form that is exact.</summary>
internal enum IgnorePatternKind
{
    /// <summary>No glob characters: the path must equal the pattern.</summary>
    Exact,

    /// <summary>Literal text ending in <c>**</c>: the path must start with the text before it.</summary>
    Prefix,

    /// <summary>Starts with <c>**</c> and is otherwise literal: the path must end with the rest.</summary>
    Suffix,

    /// <summary>Anything else: an anchored regular expression.</summary>
    Regex,
}
