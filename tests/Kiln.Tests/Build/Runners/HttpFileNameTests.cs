using Kiln.Build.Runners;
using Kiln.Graph;

namespace Kiln.Tests.Build.Runners;

/// <summary>The name a downloaded file gets, in BuildKit's order of preference.</summary>
public sealed class HttpFileNameTests
{
    public static TheoryData<string, string?, string?, string> Cases => new()
    {
        { "https://example.com/a/tool.tar.gz", null, null, "tool.tar.gz" },
        { "https://example.com/a/tool.tar.gz", "given", "ignored.bin", "given" },
        { "https://example.com/a/tool.tar.gz", null, "attached.bin", "attached.bin" },
        { "https://example.com/a/tool.tar.gz", null, "dir/", "tool.tar.gz" },
        { "https://example.com/dir/", null, null, "dir" },
        { "https://example.com/", null, null, "download" },
        { "https://example.com/with%20space?q=1", null, null, "with space" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PicksTheNameLikeBuildKit(string url, string? filename, string? disposition, string expected) =>
        Assert.Equal(expected, HttpSourceRunner.FileName(new HttpSourceOp(new Uri(url)) { Filename = filename }, disposition));
}
