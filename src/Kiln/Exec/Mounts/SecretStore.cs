using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Exec.Mounts;

/// <summary>
/// The secrets a build may mount, by id. Built as buildx's provider does: a source with neither file nor variable
/// reads the variable named like its id when it is set, else the file named like its id; files must exist and
/// stay under 500 KiB. Values are read only when a step mounts them and are never cached.
/// </summary>
internal sealed class SecretStore
{
    public const int MaxSecretSize = 500 * 1024;

    private readonly ImmutableDictionary<string, SecretSource> sources;
    private readonly Func<string, string?> getEnvironmentVariable;

    private SecretStore(ImmutableDictionary<string, SecretSource> sources, Func<string, string?> getEnvironmentVariable)
    {
        this.sources = sources;
        this.getEnvironmentVariable = getEnvironmentVariable;
    }

    public static SecretStore Empty { get; } = new(ImmutableDictionary<string, SecretSource>.Empty, _ => null);

    public static SecretStore Create(IEnumerable<SecretSource> sources, Func<string, string?> getEnvironmentVariable)
    {
        var map = ImmutableDictionary.CreateBuilder<string, SecretSource>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (string.IsNullOrEmpty(source.Id))
            {
                throw new KilnException(ErrorCodes.InvalidSecretSpec, "secret missing ID");
            }

            var resolved = source;
            if (source.FilePath is null && source.EnvName is null)
            {
                resolved = getEnvironmentVariable(source.Id) is not null
                    ? source with { EnvName = source.Id }
                    : source with { FilePath = source.Id };
            }

            if (resolved.FilePath is not null && resolved.EnvName is null)
            {
                var info = new FileInfo(resolved.FilePath);
                if (!info.Exists)
                {
                    throw new KilnException(ErrorCodes.SecretNotFound, $"failed to stat {resolved.FilePath}: no such file");
                }

                if (info.Length > MaxSecretSize)
                {
                    throw new KilnException(ErrorCodes.SecretTooLarge, $"secret {resolved.Id} too big. max size 500KB");
                }
            }

            map[resolved.Id] = resolved;
        }

        return new SecretStore(map.ToImmutable(), getEnvironmentVariable);
    }

    public bool Contains(string id) => sources.ContainsKey(id);

    /// <summary>This store's secrets plus those of <paramref name="other"/> whose ids this one lacks.</summary>
    public SecretStore Union(SecretStore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var map = sources.ToBuilder();
        foreach (var (id, source) in other.sources)
        {
            map.TryAdd(id, source);
        }

        return new SecretStore(map.ToImmutable(), getEnvironmentVariable);
    }

    /// <summary>The secret's bytes, or null when no source has this id (or its variable is unset).</summary>
    public async Task<byte[]?> TryGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!sources.TryGetValue(id, out var source))
        {
            return null;
        }

        if (source.EnvName is not null)
        {
            var value = getEnvironmentVariable(source.EnvName);
            return value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);
        }

        var bytes = await File.ReadAllBytesAsync(source.FilePath!, cancellationToken).ConfigureAwait(false);
        return bytes.Length > MaxSecretSize
            ? throw new KilnException(ErrorCodes.SecretTooLarge, $"secret {id} too big. max size 500KB")
            : bytes;
    }
}
