using Kiln.Bake;
using Kiln.Bake.Files;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake;

public class BakeFileLocatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiln-bake-files-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void EveryDefaultFilePresentIsReadInBuildxOrder()
    {
        foreach (var name in new[] { "docker-bake.override.hcl", "docker-bake.hcl", "compose.yaml", "docker-bake.json", "compose.override.yaml" })
        {
            File.WriteAllText(Path.Combine(_dir, name), "");
        }

        var files = BakeFileLocator.Read([], _dir, new Dictionary<string, string>());
        Assert.Equal(["compose.yaml", "docker-bake.json", "docker-bake.hcl", "docker-bake.override.hcl"], files.Select(f => f.Name).ToArray());
    }

    [Fact]
    public void ExplicitFilesWinOverTheEnvironmentWhichWinsOverDefaults()
    {
        File.WriteAllText(Path.Combine(_dir, "docker-bake.hcl"), "");
        File.WriteAllText(Path.Combine(_dir, "a.hcl"), "");
        File.WriteAllText(Path.Combine(_dir, "b.json"), "");
        var env = new Dictionary<string, string> { ["BUILDX_BAKE_FILE"] = "b.json:a.hcl" };
        Assert.Equal(["b.json", "a.hcl"], BakeFileLocator.Read([], _dir, env).Select(f => f.Name).ToArray());
        Assert.Equal(["a.hcl"], BakeFileLocator.Read(["a.hcl"], _dir, env).Select(f => f.Name).ToArray());
    }

    [Fact]
    public void MissingFilesAreErrors()
    {
        Assert.Equal(ErrorCodes.BakeFileNotFound, Assert.Throws<KilnException>(() => BakeFileLocator.Read([], _dir, new Dictionary<string, string>())).Code);
        Assert.Equal(ErrorCodes.BakeFileNotFound, Assert.Throws<KilnException>(() => BakeFileLocator.Read(["nope.hcl"], _dir, new Dictionary<string, string>())).Code);
    }

    [Theory]
    [InlineData("x.yml", "Compose")]
    [InlineData("X.YAML", "Compose")]
    [InlineData("x.json", "Json")]
    [InlineData("x.hcl", "Hcl")]
    [InlineData("Bakefile", "Hcl")]
    public void FormatFollowsTheExtension(string name, string format) => Assert.Equal(format, BakeFileFormats.Of(name).ToString());

    [Fact]
    public void OnlyRequestedTargetsAreEvaluated()
    {
        var plan = BakeTestFiles.Hcl("target \"good\" {\n  tags = [\"g\"]\n}\ntarget \"bad\" {\n  tags = [undefined_var]\n}\n", ["good"]);
        Assert.Equal(["g"], plan.List("good", BakeFields.Tags));
        var ex = Assert.Throws<KilnException>(() => BakeTestFiles.Hcl("target \"bad\" {\n  tags = [undefined_var]\n}\n", ["bad"]));
        Assert.Equal(5, ex.Span!.Start.Line + 3);
    }

    [Fact]
    public void ListShowsTargetsGroupsAndVariables()
    {
        File.WriteAllText(Path.Combine(_dir, "docker-bake.hcl"), """
            variable "V" {
              default = "x"
              description = "a variable"
            }
            group "default" {
              targets = ["a"]
            }
            target "a" {
              description = "target a"
            }
            """);
        var request = new BakeRequest([], [], [], _dir, new Dictionary<string, string>());
        var targets = BakeLister.List(request, "targets").Split('\n');
        Assert.StartsWith("TARGET", targets[0], StringComparison.Ordinal);
        Assert.Contains(targets, l => l.StartsWith("a ", StringComparison.Ordinal) && l.EndsWith("target a", StringComparison.Ordinal));
        Assert.Contains(targets, l => l.StartsWith("default ", StringComparison.Ordinal) && l.EndsWith('a'));
        var variables = BakeLister.List(request, "variables");
        Assert.Contains("a variable", variables, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.BakeInvalidFlag, Assert.Throws<KilnException>(() => BakeLister.List(request, "nope")).Code);
    }
}
