using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Conversion;

/// <summary>The instruction as progress shows it: the logical line with the keyword upper-cased.</summary>
internal static class StepText
{
    public static string Of(Instruction instruction)
    {
        var original = instruction.Node.Original.TrimStart();
        var keyword = instruction.Keyword;
        return original.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
            ? instruction.Name + original[keyword.Length..]
            : original;
    }
}
