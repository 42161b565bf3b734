using System.Text;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// One BuildKit build-check rule: its name (as users write it in <c># check=skip=</c>), a description and
/// whether it is experimental (runs only when <c>experimental=</c> names it or says <c>all</c>).
/// </summary>
internal sealed record CheckRule(string Name, string Description, bool Experimental = false)
{
    /// <summary>The documentation link BuildKit prints, e.g. https://docs.docker.com/go/dockerfile/rule/from-as-casing/.</summary>
    public string Url => $"https://docs.docker.com/go/dockerfile/rule/{KebabName}/";

    /// <summary>The rule name in kebab case: "JSONArgsRecommended" is "json-args-recommended".</summary>
    public string KebabName
    {
        get
        {
            var sb = new StringBuilder(Name.Length + 8);
            for (var i = 0; i < Name.Length; i++)
            {
                var c = Name[i];
                if (char.IsUpper(c) && i > 0)
                {
                    var previousLower = char.IsLower(Name[i - 1]);
                    var acronymEnd = char.IsUpper(Name[i - 1]) && i + 1 < Name.Length && char.IsLower(Name[i + 1]);
                    if (previousLower || acronymEnd)
                    {
                        sb.Append('-');
                    }
                }

                sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }
    }

    public override string ToString() => Name;
}
