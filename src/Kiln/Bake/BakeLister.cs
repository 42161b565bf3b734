using System.Text;
using Kiln.Bake.Files;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Bake;

/// <summary><c>--list=targets</c> and <c>--list=variables</c>: aligned tables of names with descriptions or values.</summary>
internal static class BakeLister
{
    public static string List(BakeRequest request, string what)
    {
        var files = BakeFileLocator.Read(request.Files, request.WorkingDirectory, request.Environment);
        var definitions = BakeLoader.LoadDefinitions(files, request);
        var rows = new List<string[]>();
        switch (what)
        {
            case "targets" or "type=targets":
                rows.Add(["TARGET", "DESCRIPTION"]);
                foreach (var name in definitions.TargetNames().Concat(definitions.GroupNames()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    var description = definitions.FindGroup(name) is { } g
                        ? string.Join(",", g.Targets)
                        : definitions.Hcl?.Description(name) ?? "";
                    rows.Add([name, description]);
                }

                break;
            case "variables" or "type=variables":
                rows.Add(["VARIABLE", "VALUE", "DESCRIPTION"]);
                foreach (var name in definitions.Hcl?.Scope.VariableNames ?? [])
                {
                    var scope = definitions.Hcl!.Scope;
                    var value = scope.Get(name);
                    var description = scope.VariableBlock(name)?.Body.Attribute("description")?.Expression.Evaluate(scope.Context) is HclString d ? d.Value : null;
                    var text = value is HclString s ? s.Value : value.IsNull ? "<null>" : value.ToString();
                    rows.Add([name, text, description ?? ""]);
                }

                break;
            default:
                throw new KilnException(ErrorCodes.BakeInvalidFlag, $"invalid list type {what}: use targets or variables");
        }

        return Table(rows);
    }

    private static string Table(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                sb.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 3));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
