using System.Collections.Immutable;
using Kiln.Context;
using Kiln.Diagnostics;

namespace Kiln.Build;

/// <summary>
/// The local directories a build may read, by name: the main context is <see cref="LocalContext.DefaultName"/>
/// ("context"), and each <c>--build-context name=DIR</c> adds one. Directories are absolute host paths.
/// </summary>
internal sealed record LocalSources(ImmutableDictionary<string, string> Directories)
{
    public static LocalSources Empty { get; } = new(ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Only the main context at <paramref name="directory"/>.</summary>
    public static LocalSources ForContext(string directory) => Empty.With(LocalContext.DefaultName, directory);

    /// <summary>These sources plus (or with a new directory for) <paramref name="name"/>.</summary>
    public LocalSources With(string name, string directory) => new(Directories.SetItem(name, Path.GetFullPath(directory)));

    /// <summary>The directory named <paramref name="name"/>, or <see cref="ErrorCodes.LocalSourceUnknown"/>.</summary>
    public string Resolve(string name) =>
        Directories.TryGetValue(name, out var directory)
            ? directory
            : throw new KilnException(
                ErrorCodes.LocalSourceUnknown,
                $"no local directory named \"{name}\" was given to the build (known: {string.Join(", ", Directories.Keys.Order(StringComparer.Ordinal))})");
}
