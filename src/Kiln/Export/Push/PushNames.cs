using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Export.Push;

/// <summary>
/// The names a pushed image ends up with: each target as given (a tag-less target means <c>latest</c>), its bare
/// repository when pushed by digest, and <c>repository@digest</c> with name-canonical.
/// </summary>
internal static class PushNames
{
    public static ImmutableArray<string> Compute(IEnumerable<Reference> targets, Digest digest, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        var names = new List<string>();
        foreach (var target in targets)
        {
            var repository = target.WithoutTagOrDigest();
            if (!options.ByDigest)
            {
                Add(names, target.WithDefaultTag().ToString());
            }
            else if (!options.NameCanonical)
            {
                Add(names, repository.ToString());
            }

            if (options.NameCanonical)
            {
                Add(names, repository.WithDigest(digest).ToString());
            }
        }

        return [.. names];
    }

    private static void Add(List<string> names, string name)
    {
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }
}
