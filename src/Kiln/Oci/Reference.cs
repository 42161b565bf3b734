using System.Text.RegularExpressions;
using Kiln.Diagnostics;

namespace Kiln.Oci;

/// <summary>
/// A normalized image reference: registry host (with port), repository path, optional tag and digest.
/// Parsing follows the distribution reference grammar with Docker's defaults (docker.io, library/, latest).
/// </summary>
internal sealed partial record Reference
{
    public const string DockerHub = "docker.io";
    public const string DefaultTag = "latest";
    private const int MaxNameLength = 255;

    private Reference(string registry, string repository, string? tag, Digest? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>Registry host as named by the user, with port ("docker.io", "127.0.0.1:5000").</summary>
    public string Registry { get; }

    /// <summary>Repository path inside the registry ("library/busybox").</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public Digest? Digest { get; }

    /// <summary>Registry and repository ("docker.io/library/busybox").</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>The tag or digest a registry resolves: the digest when present, else the tag, else "latest".</summary>
    public string Identifier => Digest?.ToString() ?? Tag ?? DefaultTag;

    /// <summary>The host that serves the registry API (Docker Hub's API lives on registry-1.docker.io).</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    public static Reference Parse(string value)
    {
        if (!TryParse(value, out var reference, out var error))
        {
            throw new KilnException(ErrorCodes.InvalidReference, $"invalid reference \"{Shorten(value)}\": {error}");
        }

        return reference;
    }

    public static bool TryParse(string? value, out Reference reference, out string error)
    {
        reference = null!;
        if (string.IsNullOrEmpty(value))
        {
            error = "empty reference";
            return false;
        }

        if (value.Length > 4096)
        {
            error = "reference is too long";
            return false;
        }

        if (value.Length == 64 && value.All(char.IsAsciiHexDigitLower))
        {
            error = "a 64-character hexadecimal string is an image ID, not a repository name";
            return false;
        }

        var rest = value;
        Digest? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Oci.Digest.TryParse(rest[(at + 1)..], out var d, out var digestError))
            {
                error = $"invalid digest: {digestError}";
                return false;
            }

            digest = d;
            rest = rest[..at];
        }

        string? tag = null;
        var lastColon = rest.LastIndexOf(':');
        var lastSlash = rest.LastIndexOf('/');
        if (lastColon > lastSlash)
        {
            tag = rest[(lastColon + 1)..];
            rest = rest[..lastColon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"invalid tag \"{Shorten(tag)}\": a tag is up to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'";
                return false;
            }
        }

        if (rest.Length == 0)
        {
            error = "missing repository name";
            return false;
        }

        var (registry, repository) = SplitRegistry(rest);
        if (registry is not null && !DomainPattern().IsMatch(registry))
        {
            error = $"invalid registry host \"{Shorten(registry)}\"";
            return false;
        }

        registry ??= DockerHub;
        if (registry == "index.docker.io")
        {
            registry = DockerHub;
        }

        if (repository.Any(char.IsUpper))
        {
            error = "repository name must be lowercase";
            return false;
        }

        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        foreach (var component in repository.Split('/'))
        {
            if (!PathComponentPattern().IsMatch(component))
            {
                error = component.Length == 0
                    ? "repository path has an empty component"
                    : $"invalid repository path component \"{Shorten(component)}\": use lowercase letters and digits separated by '.', '_', '__' or '-'";
                return false;
            }
        }

        if (registry.Length + 1 + repository.Length > MaxNameLength)
        {
            error = $"repository name is longer than {MaxNameLength} characters";
            return false;
        }

        reference = new Reference(registry, repository, tag, digest);
        error = "";
        return true;
    }

    public Reference WithTag(string tag) => Parse($"{Name}:{tag}");

    public Reference WithDigest(Digest digest) => new(Registry, Repository, Tag, digest);

    public Reference WithoutTagOrDigest() => new(Registry, Repository, null, null);

    /// <summary>The reference with "latest" added when neither tag nor digest was given.</summary>
    public Reference WithDefaultTag() => Tag is null && Digest is null ? new(Registry, Repository, DefaultTag, null) : this;

    /// <summary>Full form: registry/repository[:tag][@digest].</summary>
    public override string ToString()
    {
        var s = Name;
        if (Tag is not null)
        {
            s += ":" + Tag;
        }

        if (Digest is { } d)
        {
            s += "@" + d;
        }

        return s;
    }

    /// <summary>Short familiar form as Docker prints it ("busybox:latest" for docker.io/library/busybox:latest).</summary>
    public string ToFamiliarString()
    {
        var name = Name;
        if (Registry == DockerHub)
        {
            name = Repository.StartsWith("library/", StringComparison.Ordinal) && Repository.IndexOf('/', 8) < 0
                ? Repository[8..]
                : Repository;
        }

        var s = name;
        if (Tag is not null)
        {
            s += ":" + Tag;
        }

        if (Digest is { } d)
        {
            s += "@" + d;
        }

        return s;
    }

    private static (string? Registry, string Repository) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (null, name);
        }

        var first = name[..slash];
        var isDomain = first.Contains('.', StringComparison.Ordinal)
            || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost"
            || first.Any(char.IsUpper);
        return isDomain ? (first, name[(slash + 1)..]) : (null, name);
    }

    private static string Shorten(string s) => s.Length <= 100 ? s : s[..100] + "...";

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponentPattern();

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
