using System.Text.RegularExpressions;
using Kiln.Diagnostics;

namespace Kiln.Bake.Model;

/// <summary>What a target name may contain; how buildx turns requested names or Compose services into names.</summary>
internal static partial class BakeNames
{
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    public static void Validate(string name, SourceSpan? span)
    {
        if (!IsValid(name))
        {
            throw new KilnException(ErrorCodes.BakeInvalidTargetName, $"invalid target name {name}: only [a-zA-Z0-9_-]+ are allowed", span);
        }
    }

    /// <summary>Dots become underscores, as in Compose service names.</summary>
    public static string Sanitize(string name) => name.Replace('.', '_');

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex ValidName();
}
