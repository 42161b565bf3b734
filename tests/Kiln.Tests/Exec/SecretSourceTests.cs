using Kiln.Diagnostics;
using Kiln.Exec.Mounts;

namespace Kiln.Tests.Exec;

public sealed class SecretSourceTests
{
    public static TheoryData<string, string, string?, string?> Valid => new()
    {
        { "id=a,src=/run/a.txt", "a", "/run/a.txt", null },
        { "id=a,source=/x", "a", "/x", null },
        { "ID=a,SRC=/x", "a", "/x", null },
        { "id=a,env=TOKEN", "a", null, "TOKEN" },
        { "type=env,id=a,src=TOKEN", "a", null, "TOKEN" },
        { "type=env,id=a,env=REAL,src=/f", "a", "/f", "REAL" },
        { "type=file,id=a,src=/f", "a", "/f", null },
        { "id=a", "a", null, null },
        { "src=/only/file", "", "/only/file", null },
        { "\"id=a,b\",src=/f", "a,b", "/f", null },
        { "\"src=/with \"\"quotes\"\"\",id=a", "a", "/with \"quotes\"", null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ParsesAsBuildx(string value, string id, string? file, string? env)
    {
        var source = SecretSource.Parse(value);
        Assert.Equal(new SecretSource(id, file, env), source);
    }

    [Theory]
    [InlineData("id=a,type=ssh", "unsupported secret type")]
    [InlineData("id=a,mode=0400", "unexpected key")]
    [InlineData("id=a,justaword", "key=value")]
    [InlineData("id=\"a", "csv")]
    public void RejectsWhatBuildxRejects(string value, string reason)
    {
        Assert.False(SecretSource.TryParse(value, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidSecretSpec, Assert.Throws<KilnException>(() => SecretSource.Parse(value)).Code);
    }

    [Fact]
    public async Task StoreDefaultsToTheVariableOrFileNamedLikeTheId()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "FROMFILE");
        await File.WriteAllTextAsync(file, "file-value");
        var env = new Dictionary<string, string> { ["FROMENV"] = "env-value" };
        var store = SecretStore.Create(
            [new SecretSource("FROMENV", null, null), new SecretSource(file, null, null), new SecretSource("unset", null, "NOPE")],
            name => env.GetValueOrDefault(name));
        Assert.Equal("env-value"u8.ToArray(), await store.TryGetAsync("FROMENV", CancellationToken.None));
        Assert.Equal("file-value"u8.ToArray(), await store.TryGetAsync(file, CancellationToken.None));
        Assert.Null(await store.TryGetAsync("unset", CancellationToken.None));
        Assert.Null(await store.TryGetAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task StoreRejectsMissingIdsMissingFilesAndHugeFiles()
    {
        using var dir = new TempDirectory();
        var big = Path.Combine(dir.Path, "big");
        await File.WriteAllBytesAsync(big, new byte[SecretStore.MaxSecretSize + 1]);
        Assert.Equal(ErrorCodes.InvalidSecretSpec, Assert.Throws<KilnException>(() => SecretStore.Create([new SecretSource("", "/f", null)], _ => null)).Code);
        Assert.Equal(ErrorCodes.SecretNotFound, Assert.Throws<KilnException>(() => SecretStore.Create([new SecretSource("a", Path.Combine(dir.Path, "none"), null)], _ => null)).Code);
        Assert.Equal(ErrorCodes.SecretTooLarge, Assert.Throws<KilnException>(() => SecretStore.Create([new SecretSource("a", big, null)], _ => null)).Code);
    }
}
