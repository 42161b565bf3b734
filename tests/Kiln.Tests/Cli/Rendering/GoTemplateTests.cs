using System.Text.Json.Nodes;
using Kiln.Cli.Rendering;
using Kiln.Diagnostics;

namespace Kiln.Tests.Cli.Rendering;

public class GoTemplateTests
{
    private static readonly JsonNode Data = JsonNode.Parse("""
        {"name":"r/a:1","manifest":{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",
         "manifests":[{"digest":"sha256:a","platform":{"os":"linux"}},{"digest":"sha256:b"}]},
         "image":{"rootfs":{"diff_ids":["x"]},"os.version":"10","config":{"Env":["A=<b>"]}}}
        """)!;

    public static TheoryData<string, string, string> Rows => new()
    {
        { "plain text", "hello", "hello" },
        { "string field", "{{.Name}}", "r/a:1" },
        { "nested field with Go casing", "{{.Manifest.MediaType}}", "application/vnd.oci.image.index.v1+json" },
        { "number", "{{.Manifest.SchemaVersion}}", "2" },
        { "snake case key", "{{json .Image.RootFS.DiffIDs}}", "[\n  \"x\"\n]" },
        { "dotted key", "{{.Image.OSVersion}}", "10" },
        { "json escapes html like Go", "{{json .Image.Config.Env}}", "[\n  \"A=\\u003cb\\u003e\"\n]" },
        { "range over a list", "{{range .Manifest.Manifests}}{{.Digest}};{{end}}", "sha256:a;sha256:b;" },
        { "missing field", "{{.Nope}}", "<no value>" },
        { "spaces inside the action", "{{ json .Name }}", "\"r/a:1\"" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Evaluates(string name, string template, string expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, GoTemplate.Parse(template).Execute(Data));
    }

    [Theory]
    [InlineData("{{.Name")]
    [InlineData("{{range .Manifest.Manifests}}x")]
    [InlineData("{{end}}")]
    [InlineData("{{printf \"%s\" .Name}}")]
    public void RejectsWhatItCannotEvaluate(string template)
    {
        var ex = Assert.Throws<KilnException>(() => GoTemplate.Parse(template));
        Assert.Equal(ErrorCodes.InvalidArgument, ex.Code);
    }
}
