using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Bake.Compose;

/// <summary>Compose byte sizes (<c>128m</c>, <c>1.5g</c>, or a number of bytes) and the way buildx prints them back (<c>128MiB</c>).</summary>
internal static partial class ComposeSizes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

    public static long? ParseRam(string text)
    {
        var match = RamPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var size = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var exponent = match.Groups[3].Value.ToLowerInvariant() switch
        {
            "k" => 1,
            "m" => 2,
            "g" => 3,
            "t" => 4,
            "p" => 5,
            _ => 0,
        };
        return (long)(size * Math.Pow(1024, exponent));
    }

    /// <summary>go-units BytesSize: binary units, four significant digits.</summary>
    public static string BytesSize(double size)
    {
        var i = 0;
        while (size >= 1024 && i < Units.Length - 1)
        {
            size /= 1024;
            i++;
        }

        return size.ToString("G4", CultureInfo.InvariantCulture) + Units[i];
    }

    [GeneratedRegex(@"^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$")]
    private static partial Regex RamPattern();
}
