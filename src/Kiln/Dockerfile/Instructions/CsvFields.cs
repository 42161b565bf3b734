using System.Text;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Splits one CSV record the way Go's encoding/csv does with default settings (strict quotes).</summary>
internal static class CsvFields
{
    /// <summary>Returns the fields, or null with an error message when the record is malformed or empty.</summary>
    public static List<string>? Split(string text, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = "EOF";
            return null;
        }

        var fields = new List<string>();
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            sb.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        error = "extraneous or missing \" in quoted-field";
                        return null;
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ',')
                {
                    error = "extraneous or missing \" in quoted-field";
                    return null;
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                {
                    if (text[i] == '"')
                    {
                        error = "bare \" in non-quoted-field";
                        return null;
                    }

                    sb.Append(text[i++]);
                }
            }

            fields.Add(sb.ToString());
            if (i >= text.Length)
            {
                return fields;
            }

            i++;
        }
    }
}
