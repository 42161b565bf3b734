using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Content.Metadata;

/// <summary>
/// The <c>blob_origins</c> table: which registry repositories are known to hold a blob. Pulls and pushes record
/// where blobs went; a push to another repository of the same registry mounts from there instead of uploading.
/// </summary>
internal sealed class BlobOriginTable(MetadataDatabase database)
{
    /// <summary>Records that <paramref name="repository"/> holds these blobs (the tag or digest of the reference is ignored).</summary>
    public Task RecordAsync(Reference repository, IReadOnlyCollection<Digest> blobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(blobs);
        if (blobs.Count == 0)
        {
            return Task.CompletedTask;
        }

        var recorded = database.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO blob_origins (digest, registry, repository, recorded) VALUES ($digest, $registry, $repository, $recorded)
                    ON CONFLICT (digest, registry, repository) DO UPDATE SET recorded = excluded.recorded
                    """;
                var digest = command.Parameters.Add("$digest", Microsoft.Data.Sqlite.SqliteType.Text);
                command.Parameters.AddWithValue("$registry", repository.Registry);
                command.Parameters.AddWithValue("$repository", repository.Repository);
                command.Parameters.AddWithValue("$recorded", recorded);
                var rows = 0;
                foreach (var blob in blobs)
                {
                    digest.Value = blob.ToString();
                    rows += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return rows;
            },
            cancellationToken);
    }

    public Task RecordAsync(Reference repository, Digest blob, CancellationToken cancellationToken) =>
        RecordAsync(repository, [blob], cancellationToken);

    /// <summary>Repositories of <paramref name="registry"/> known to hold the blob, most recently recorded first.</summary>
    public Task<ImmutableArray<Reference>> ListAsync(Digest blob, string registry, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT repository FROM blob_origins WHERE digest = $digest AND registry = $registry
                    ORDER BY recorded DESC, repository
                    """;
                command.Parameters.AddWithValue("$digest", blob.ToString());
                command.Parameters.AddWithValue("$registry", registry);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var found = ImmutableArray.CreateBuilder<Reference>();
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        // A row that no longer parses (hand-edited database) is just not a mount candidate.
                        if (Reference.TryParse($"{registry}/{reader.GetString(0)}", out var repository, out _))
                        {
                            found.Add(repository);
                        }
                    }

                    return found.ToImmutable();
                }
            },
            cancellationToken);
}
