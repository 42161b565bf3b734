using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Functions;

/// <summary><c>try</c> and <c>can</c>, which receive their arguments unevaluated to catch evaluation errors.</summary>
internal static class ControlFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Variadic("try", 1, _ => HclValue.Null) with { LazyInvoke = Try },
        HclFunction.Fixed("can", 1, _ => HclValue.Null) with { LazyInvoke = Can },
    ];

    private static HclValue Try(System.Collections.Immutable.ImmutableArray<Func<HclValue>> arguments)
    {
        var errors = new List<string>();
        foreach (var argument in arguments)
        {
            try
            {
                return argument();
            }
            catch (KilnException e)
            {
                errors.Add(e.Message);
            }
        }

        throw new HclFunctionException($"no expression succeeded: {string.Join("; ", errors)}");
    }

    private static HclValue Can(System.Collections.Immutable.ImmutableArray<Func<HclValue>> arguments)
    {
        if (arguments.Length != 1)
        {
            throw new HclFunctionException("can() takes exactly one argument");
        }

        try
        {
            arguments[0]();
            return HclValue.True;
        }
        catch (KilnException)
        {
            return HclValue.False;
        }
    }
}
