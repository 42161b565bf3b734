using System.Text;

namespace Kiln.Exec.Mounts;

/// <summary>Splits one CSV record (RFC 4180 quoting, as Go's encoding/csv reads buildx flag values) into fields.</summary>
internal static class CsvFields
{
    public static bool TrySplit(string value, out List<string> fields, out string error)
    {
        fields = [];
        error = "";
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < value.Length && value[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= value.Length)
                    {
                        error = "extraneous or missing \" in quoted-field";
                        return false;
                    }

                    if (value[i] == '"')
                    {
                        if (i + 1 < value.Length && value[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(value[i++]);
                }

                if (i < value.Length && value[i] != ',')
                {
                    error = "extraneous or missing \" in quoted-field";
                    return false;
                }
            }
            else
            {
                while (i < value.Length && value[i] != ',')
                {
                    if (value[i] == '"')
                    {
                        error = "bare \" in non-quoted-field";
                        return false;
                    }

                    field.Append(value[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= value.Length)
            {
                return true;
            }

            i++;
        }
    }
}
