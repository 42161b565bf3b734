using Kiln.Dockerfile.Checks;

namespace Kiln.Tests.Dockerfile.Checks;

/// <summary>The checker over the parser's golden and negative corpora: no exceptions, spans inside the file, errors kept.</summary>
public class CheckCorpusTests
{
    public static TheoryData<string> Valid() => Folder("parse");

    public static TheoryData<string> Invalid() => Folder("invalid");

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidDockerfilesGetWarningsInsideTheFile(string name)
    {
        var text = File.ReadAllText(TestData.OutputDir($"dockerfile/parse/{name}/Dockerfile"));
        var result = DockerfileChecker.Check(text);
        var lineCount = text.Split('\n').Length;
        Assert.All(result.Warnings, w => Assert.InRange(w.Span.Start.Line, 1, lineCount));
        Assert.All(result.Warnings, w => Assert.True(w.Span.End.Line >= w.Span.Start.Line));
        Assert.All(result.Warnings, w => Assert.False(string.IsNullOrEmpty(w.Message)));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidDockerfilesFailTheCheck(string name)
    {
        var text = File.ReadAllText(TestData.OutputDir($"dockerfile/invalid/{name}/Dockerfile"));
        var result = DockerfileChecker.Check(text);
        Assert.True(result.Failed, "the check passed a Dockerfile the parser rejects");
    }

    private static TheoryData<string> Folder(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var name in TestData.Cases($"dockerfile/{folder}"))
        {
            data.Add(name);
        }

        return data;
    }
}
