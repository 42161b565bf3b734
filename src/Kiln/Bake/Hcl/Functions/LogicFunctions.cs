using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary>The operator functions: boolean logic, equality and numeric comparison.</summary>
internal static class LogicFunctions
{
    public static IEnumerable<HclFunction> All() =>
    [
        HclFunction.Fixed("and", 2, a => HclValue.From(a.Bool(0) && a.Bool(1))),
        HclFunction.Fixed("or", 2, a => HclValue.From(a.Bool(0) || a.Bool(1))),
        HclFunction.Fixed("not", 1, a => HclValue.From(!a.Bool(0))),
        HclFunction.Fixed("equal", 2, a => HclValue.From(a[0].Equals(a[1]))),
        HclFunction.Fixed("notequal", 2, a => HclValue.From(!a[0].Equals(a[1]))),
        Compare("greaterthan", c => c > 0),
        Compare("greaterthanorequalto", c => c >= 0),
        Compare("lessthan", c => c < 0),
        Compare("lessthanorequalto", c => c <= 0),
    ];

    private static HclFunction Compare(string name, Func<int, bool> test) =>
        HclFunction.Fixed(name, 2, a => HclValue.From(test(a.Number(0).CompareTo(a.Number(1)))));
}
