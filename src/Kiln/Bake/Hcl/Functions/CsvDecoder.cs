using System.Text;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Values;

namespace Kiln.Bake.Hcl.Functions;

/// <summary><c>csvdecode</c>: RFC 4180 text whose first row names the columns, into a list of objects of strings.</summary>
internal static class CsvDecoder
{
    public static HclValue Decode(string text)
    {
        var rows = Parse(text);
        if (rows.Count == 0)
        {
            throw new HclFunctionException("missing header line", 0);
        }

        var header = rows[0];
        var result = new List<HclValue>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r].Count != header.Count)
            {
                throw new HclFunctionException($"record on line {r + 1}: wrong number of fields", 0);
            }

            result.Add(HclValue.Object(header.Zip(rows[r]).Select(p => KeyValuePair.Create(p.First, HclValue.From(p.Second)))));
        }

        return HclValue.Tuple(result);
    }

    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        row.Add(field.ToString());
                        rows.Add(row);
                    }

                    row = [];
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new HclFunctionException("extraneous or missing \" in quoted-field", 0);
        }

        if (any || field.Length > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
