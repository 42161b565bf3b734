using System.Collections.Immutable;
using System.Text;
using Kiln.Oci;

namespace Kiln.Tests.Oci;

public class CanonicalJsonTests
{
    [Fact]
    public void OutputIsCompactWithSortedMapsAndNoHtmlEscaping()
    {
        var bytes = CanonicalJson.Serialize(w =>
        {
            w.WriteStartObject();
            CanonicalJson.WriteStringMap(w, "m", new Dictionary<string, string> { ["b"] = "<&>", ["a"] = "é", ["B"] = "\n" });
            CanonicalJson.WriteKeySet(w, "s", ["80/tcp", "443/tcp"]);
            CanonicalJson.WriteStringArray(w, "e", ImmutableArray<string>.Empty);
            CanonicalJson.WriteStringArray(w, "n", null);
            CanonicalJson.WriteOptionalString(w, "o", null);
            w.WriteEndObject();
        });

        Assert.Equal("{\"m\":{\"B\":\"\\n\",\"a\":\"é\",\"b\":\"<&>\"},\"s\":{\"443/tcp\":{},\"80/tcp\":{}},\"e\":[]}", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EmptyMapsAndSetsAreOmitted()
    {
        var bytes = CanonicalJson.Serialize(w =>
        {
            w.WriteStartObject();
            CanonicalJson.WriteStringMap(w, "m", new Dictionary<string, string>());
            CanonicalJson.WriteKeySet(w, "s", []);
            w.WriteEndObject();
        });

        Assert.Equal("{}", Encoding.UTF8.GetString(bytes));
    }
}
