namespace Kiln.Context;

/// <summary>The result of translating an ignore pattern: its match kind, the .NET expression, or why it failed.</summary>
internal readonly record struct GoRegexTranslation(IgnorePatternKind Kind, string Regex, string? Error);
