using Kiln.Context;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Context;

public sealed class ContextHasherTests : IDisposable
{
    private readonly ContextFixture _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task FileDigestIsTheSha256OfItsContent()
    {
        _context.File("a", "hello");
        var snapshot = await HashAsync();
        Assert.Equal(Digest.Sha256("hello"u8), snapshot.Find("a")!.ContentDigest);
    }

    [Fact]
    public async Task ModeChangeChangesTheDigest()
    {
        _context.File("a", "x", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var before = (await HashAsync()).Digest;
        _context.Chmod("a", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.NotEqual(before, (await HashAsync()).Digest);
    }

    [Fact]
    public async Task MtimeOnlyChangeKeepsTheDigest()
    {
        _context.File("a", "x").Dir("d");
        var before = (await HashAsync()).Digest;
        File.SetLastWriteTimeUtc(_context.Full("a"), new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.SetLastWriteTimeUtc(_context.Full("d"), new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(before, (await HashAsync()).Digest);
    }

    [Fact]
    public async Task RenameChangesTheDigest()
    {
        _context.File("a", "x");
        var before = (await HashAsync()).Digest;
        File.Move(_context.Full("a"), _context.Full("b"));
        Assert.NotEqual(before, (await HashAsync()).Digest);
    }

    [Fact]
    public async Task OwnerChangeChangesTheDigest()
    {
        _context.File("a", "x");
        var before = (await HashAsync()).Digest;
        var chown = System.Diagnostics.Process.Start("chown", ["1234:5678", _context.Full("a")]);
        await chown.WaitForExitAsync();
        Assert.Equal(0, chown.ExitCode);
        var after = await HashAsync();
        Assert.Equal(1234u, after.Find("a")!.Stat.Uid);
        Assert.NotEqual(before, after.Digest);
    }

    [Fact]
    public async Task SymlinkTargetAndEmptyDirectoriesAreCovered()
    {
        _context.Symlink("l", "one");
        var first = (await HashAsync()).Digest;
        File.Delete(_context.Full("l"));
        _context.Symlink("l", "two");
        var second = (await HashAsync()).Digest;
        _context.Dir("empty");
        var third = (await HashAsync()).Digest;
        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
    }

    [Fact]
    public async Task SelectionDigestIgnoresChangesOutsideTheSelection()
    {
        _context.File("src/a.go", "a").File("src/b.txt", "b").File("docs/readme", "r");
        var src = ContextSelection.Under("src");
        var goFiles = new ContextSelection("src", ["*.go"], []);
        var before = await HashAsync();

        _context.File("docs/readme", "changed").File("src/b.txt", "changed");
        var after = await HashAsync();
        Assert.NotEqual(before.Digest, after.Digest);
        Assert.NotEqual(before.DigestOf(src), after.DigestOf(src));
        Assert.Equal(before.DigestOf(goFiles), after.DigestOf(goFiles));

        _context.File("src/a.go", "changed");
        Assert.NotEqual(after.DigestOf(goFiles), (await HashAsync()).DigestOf(goFiles));
    }

    [Fact]
    public async Task SelectionWithAnExceptionKeepsTheDirectoryAroundReIncludedContent()
    {
        _context.File("src/keep", "k").File("src/other", "o");
        var selection = new ContextSelection("", [], ["src", "!src/keep"]);
        var before = (await HashAsync()).DigestOf(selection);

        _context.File("src/other", "changed");
        Assert.Equal(before, (await HashAsync()).DigestOf(selection));

        _context.Chmod("src", UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        Assert.NotEqual(before, (await HashAsync()).DigestOf(selection));
    }

    [Fact]
    public async Task RecordsOfDeletedFilesAreDropped()
    {
        _context.File("a").File("b");
        var database = Path.Combine(_context.Outside, "stat.db");
        await HashAsync(new CountingFileReader(), database);
        File.Delete(_context.Full("b"));
        await HashAsync(new CountingFileReader(), database);
        using var cache = StatCache.Open(database);
        Assert.Equal(["a"], cache.Load(_context.Root).Keys);
    }

    [Fact]
    public async Task SelectionThroughAnInsideSymlinkResolvesButAnEscapingOneIsRefused()
    {
        _context.File("real/f", "x").Symlink("link", "real").Symlink("up", "../..").Symlink("abs", "/etc");
        var snapshot = await HashAsync();
        Assert.Equal(snapshot.DigestOf(ContextSelection.Under("real")), snapshot.DigestOf(ContextSelection.Under("link")));
        Assert.Equal("real/f", snapshot.Resolve("link/f"));

        foreach (var path in new[] { "up/x", "abs/passwd", "../x" })
        {
            var ex = Assert.Throws<KilnException>(() => snapshot.DigestOf(ContextSelection.Under(path)));
            Assert.Equal(ErrorCodes.ContextPathEscapes, ex.Code);
        }
    }

    [Fact]
    public async Task SecondHashOfAnUnchangedContextReadsNoFile()
    {
        for (var i = 0; i < 50; i++)
        {
            _context.File($"d{i % 5}/f{i}", $"content {i}");
        }

        var database = Path.Combine(_context.Outside, "stat.db");
        var first = new CountingFileReader();
        var firstSnapshot = await HashAsync(first, database);
        Assert.Equal(50, first.Reads);

        var second = new CountingFileReader();
        var secondSnapshot = await HashAsync(second, database);
        Assert.Equal(0, second.Reads);
        Assert.Equal(firstSnapshot.Digest, secondSnapshot.Digest);

        // Touching one file costs one read, and the digest is unchanged.
        File.SetLastWriteTimeUtc(_context.Full("d1/f6"), new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var third = new CountingFileReader();
        Assert.Equal(firstSnapshot.Digest, (await HashAsync(third, database)).Digest);
        Assert.Equal(1, third.Reads);
    }

    [Fact]
    public async Task ContentChangeWithTheSameSizeAndRestoredMtimeIsStillNoticed()
    {
        _context.File("a", "aaaa");
        var database = Path.Combine(_context.Outside, "stat.db");
        var before = await HashAsync(new CountingFileReader(), database);
        _context.File("a", "bbbb"); // same size, same mtime; the inode's ctime moved
        var reader = new CountingFileReader();
        var after = await HashAsync(reader, database);
        Assert.Equal(1, reader.Reads);
        Assert.Equal(Digest.Sha256("bbbb"u8), after.Find("a")!.ContentDigest);
        Assert.NotEqual(before.Digest, after.Digest);
    }

    [Fact]
    public async Task RecentlyModifiedFilesAreNotCached()
    {
        _context.File("a", "x");
        var database = Path.Combine(_context.Outside, "stat.db");
        var clock = new FixedTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 1, TimeSpan.Zero));
        await HashAsync(new CountingFileReader(), database, clock);
        var reader = new CountingFileReader();
        await HashAsync(reader, database, clock);
        Assert.Equal(1, reader.Reads);
    }

    [Fact]
    public async Task FileChangedWhileBeingReadIsReadAgain()
    {
        _context.File("a", "first");
        var full = _context.Full("a");
        var reader = new CountingFileReader { AfterOpen = (path, count) => { if (count == 1) { File.AppendAllText(path, " and more"); } } };
        var database = Path.Combine(_context.Outside, "stat.db");
        var later = new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(1)); // so the just-written file may be cached
        var snapshot = await HashAsync(reader, database, later);
        Assert.Equal(2, reader.Reads);
        Assert.Equal(Digest.Sha256(File.ReadAllBytes(full)), snapshot.Find("a")!.ContentDigest);

        // What got cached is the final content: an unchanged second hash agrees without reading.
        var again = new CountingFileReader();
        Assert.Equal(snapshot.Digest, (await HashAsync(again, database, later)).Digest);
        Assert.Equal(0, again.Reads);
    }

    [Fact]
    public async Task FileThatKeepsChangingIsReported()
    {
        _context.File("a", "x");
        var reader = new CountingFileReader { AfterOpen = (path, _) => File.AppendAllText(path, "y") };
        var ex = await Assert.ThrowsAsync<KilnException>(() => HashAsync(reader));
        Assert.Equal(ErrorCodes.ContextChangedDuringHash, ex.Code);
        Assert.Equal(ContextHasher.MaxAttempts, reader.Reads);
    }

    [Fact]
    public async Task FileSwappedForASymlinkOutOfTheContextIsNeverHashed()
    {
        var secret = Path.Combine(_context.Outside, "secret");
        File.WriteAllText(secret, "outside");
        _context.File("a", "inside");
        var reader = new CountingFileReader
        {
            BeforeOpen = (path, count) =>
            {
                if (count == 1)
                {
                    File.Delete(path);
                    File.CreateSymbolicLink(path, secret);
                }
            },
        };
        var ex = await Assert.ThrowsAsync<KilnException>(() => HashAsync(reader));
        Assert.Equal(ErrorCodes.ContextChangedDuringHash, ex.Code);
        Assert.Equal(1, reader.Reads);
    }

    private async Task<ContextSnapshot> HashAsync(CountingFileReader? reader = null, string? database = null, TimeProvider? time = null)
    {
        using var cache = database is null ? null : StatCache.Open(database);
        var hasher = new ContextHasher(reader ?? new CountingFileReader(), cache, time ?? TimeProvider.System);
        return await hasher.HashAsync(_context.Open(), CancellationToken.None);
    }
}
