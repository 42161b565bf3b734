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

    /// <summary>
    /// The converter's view of each entry, the local directories to send (by source name), and the OCI layout values
    /// (by context name, without the scheme) the caller imports and adds as images.
    /// </summary>
    public static (ImmutableDictionary<string, NamedContext> Contexts, ImmutableDictionary<string, string> Directories, ImmutableDictionary<string, string> Layouts) Resolve(
        ImmutableDictionary<string, string> values, string workingDirectory)
    {
        var contexts = ImmutableDictionary.CreateBuilder<string, NamedContext>(StringComparer.Ordinal);
        var directories = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var layouts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
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
                throw new KilnException(ErrorCodes.NotSupported, $"build context {name}={value}: target: contexts are not supported yet");
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

        return (contexts.ToImmutable(), directories.ToImmutable(), layouts.ToImmutable());
    }
}
