using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Content.Images;

/// <summary>
/// One entry of kiln's local image store as <c>kiln images</c> shows it: repository, tag (<c>&lt;none&gt;</c> for a
/// digest-only name), root descriptor, platforms, bytes its content takes.
/// </summary>
internal sealed record LocalImage(
    string Name,
    string Repository,
    string Tag,
    Descriptor Root,
    ImmutableArray<Platform> Platforms,
    long Size,
    DateTimeOffset Created)
{
    public const string None = "<none>";

    /// <summary>Splits a stored name: a reference in its familiar form, or the raw name when it does not parse.</summary>
    public static (string Repository, string Tag) SplitName(string name)
    {
        if (!Reference.TryParse(name, out var reference, out _))
        {
            return (name, None);
        }

        var repository = reference.WithoutTagOrDigest().ToFamiliarString();
        return (repository, reference.Tag ?? None);
    }
}
