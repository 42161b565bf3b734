using System.Collections.Immutable;

namespace Kiln.Registry;

/// <summary>Settings of a <see cref="RegistryClient"/>: insecure hosts, retries, parallelism and upload shape.</summary>
internal sealed record RegistryOptions
{
    /// <summary>Registries ("host" or "host:port") reached over plain HTTP besides loopback addresses and localhost.</summary>
    public ImmutableHashSet<string> InsecureRegistries { get; init; } = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many blob transfers run at once.</summary>
    public int MaxConcurrentTransfers { get; init; } = 4;

    /// <summary>Retries after the first attempt for 429, 5xx and dropped connections.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Blobs larger than this are uploaded in chunks of <see cref="ChunkSize"/>; 0 uploads every blob in one PUT.</summary>
    public long ChunkedUploadThreshold { get; init; }

    public int ChunkSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Page size asked for when listing tags; 0 lets the registry choose.</summary>
    public int TagPageSize { get; init; }

    public int MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = "kiln/" + (typeof(RegistryOptions).Assembly.GetName().Version?.ToString(3) ?? "0");

    /// <summary>Tokens are renewed this long before the registry says they expire.</summary>
    public TimeSpan TokenExpiryMargin { get; init; } = TimeSpan.FromSeconds(10);
}
