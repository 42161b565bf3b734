using System.Collections.Immutable;
using System.Text;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>An in-memory filesystem snapshot: absolute path → file content.</summary>
internal sealed record FakeTree(ImmutableSortedDictionary<string, string> Files)
{
    public static readonly FakeTree Empty = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    public FakeTree With(string path, string content) => new(Files.SetItem(path, content));

    public FakeTree Overlay(FakeTree upper) => new(Files.SetItems(upper.Files));

    public Digest ComputeDigest() => DigestOf(Files);

    /// <summary>The files under the selected paths, keyed by their path.</summary>
    public ImmutableSortedDictionary<string, string> Select(InputSelection selection) =>
        Files.Where(f => selection.Paths.Any(p => Under(f.Key, p.Path)))
            .ToImmutableSortedDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    public static Digest DigestOf(IEnumerable<KeyValuePair<string, string>> files)
    {
        var text = new StringBuilder();
        foreach (var (path, content) in files)
        {
            text.Append(path).Append('\0').Append(content).Append('\n');
        }

        return Digest.Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static bool Under(string path, string selector)
    {
        var root = "/" + selector.Trim('/');
        return root == "/" || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
    }
}
