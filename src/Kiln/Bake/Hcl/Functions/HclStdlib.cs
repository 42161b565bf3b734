using System.Collections.Immutable;
using Kiln.Bake.Hcl.Evaluation;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>The built-in function table, matching the functions buildx's bake offers (cty's stdlib and friends).</summary>
internal static class HclStdlib
{
    public static ImmutableDictionary<string, HclFunction> Create(HclFunctionEnvironment environment)
    {
        var all = StringFunctions.All()
            .Concat(FormatFunctions.All())
            .Concat(RegexFunctions.All())
            .Concat(CollectionFunctions.All())
            .Concat(SequenceFunctions.All())
            .Concat(SetFunctions.All())
            .Concat(NumericFunctions.All())
            .Concat(LogicFunctions.All())
            .Concat(EncodingFunctions.All())
            .Concat(HashFunctions.All(environment))
            .Concat(DateFunctions.All(environment))
            .Concat(ControlFunctions.All());
        return all.ToImmutableDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
