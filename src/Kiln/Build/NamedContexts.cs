using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Conversion;
using Kiln.Oci;

namespace Kiln.Build;

/// <summary>
/// Reads <c>--build-context name=value</c> values as buildx does: <c>docker-image://REF</c> is an image,
/// <c>oci-layout://PATH[:TAG|@DIGEST]</c> an image in a local OCI layout, anything else a local directory.
/// </summary>
internal static class NamedContexts
{
    public const string ImageScheme = "docker-image://";
    public const string OciLayoutScheme = "oci-layout://";

    /// <summary>Sorts the entries by kind; OCI layouts and targets are completed by the builder.</summary>
    public static ResolvedContexts Resolve(ImmutableDictionary<string, string> values, string workingDirectory)
    {
        var contexts = ImmutableDictionary.CreateBuilder<string, NamedContext>(StringComparer.Ordinal);
        var directories = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var layouts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var targets = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value.StartsWith(ImageScheme, StringComparison.Ordinal))
            {
                var text = value[ImageScheme.Length..];
                if (!Reference.TryParse(text, out var reference, out var error))
                {
                    throw new KilnException(ErrorCodes.InvalidBuildContext, $"invalid build context {name}={value}: {error}");
                }

                contexts[name] = NamedContext.ForImage(reference);
            }
            else if (value.StartsWith(OciLayoutScheme, StringComparison.Ordinal))
            {
                layouts[name] = Path.GetFullPath(value[OciLayoutScheme.Length..], workingDirectory);
            }
            else if (value.StartsWith("target:", StringComparison.Ordinal))
            {
                targets[name] = value["target:".Length..];
            }
            else if (value.Contains("://", StringComparison.Ordinal))
            {
                throw new KilnException(ErrorCodes.InvalidBuildContext, $"invalid build context {name}={value}: unsupported scheme (use a directory, docker-image:// or oci-layout://)");
            }
            else
            {
                var directory = Path.GetFullPath(value, workingDirectory);
                if (!Directory.Exists(directory))
                {
                    throw new KilnException(ErrorCodes.ContextNotFound, $"build context \"{name}\": {value}: no such directory");
                }

                var source = "context:" + name;
                contexts[name] = NamedContext.Local(source);
                directories[source] = directory;
            }
        }

        return new ResolvedContexts(contexts.ToImmutable(), directories.ToImmutable(), layouts.ToImmutable(), targets.ToImmutable());
    }
}
