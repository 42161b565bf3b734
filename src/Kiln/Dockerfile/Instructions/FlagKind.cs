namespace Kiln.Dockerfile.Instructions;

/// <summary>How a flag takes its value, as in BuildKit's flag table.</summary>
internal enum FlagKind
{
    /// <summary><c>--link</c>, <c>--link=true</c> or <c>--link=false</c>; may appear once.</summary>
    Bool,

    /// <summary><c>--from=x</c>; a value is required; may appear once.</summary>
    String,

    /// <summary><c>--mount=...</c>; a value is required; may repeat.</summary>
    Strings,
}
