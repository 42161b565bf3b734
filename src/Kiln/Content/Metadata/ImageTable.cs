using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;
using Microsoft.Data.Sqlite;

namespace Kiln.Content.Metadata;

/// <summary>The <c>images</c> table: image names and the root descriptors they point at.</summary>
internal sealed class ImageTable(MetadataDatabase database)
{
    private const string Columns = "name, digest, media_type, size, platforms, created";

    /// <summary>Adds or replaces the image of that name.</summary>
    public Task PutAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Digest.IsDefault || image.Size < 0 || string.IsNullOrEmpty(image.Name))
        {
            throw new KilnException(ErrorCodes.MetadataRecordInvalid, $"image record \"{image.Name}\" needs a name, a digest and a size >= 0");
        }

        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    INSERT INTO images ({Columns}) VALUES ($name, $digest, $media_type, $size, $platforms, $created)
                    ON CONFLICT (name) DO UPDATE SET digest = excluded.digest, media_type = excluded.media_type,
                        size = excluded.size, platforms = excluded.platforms, created = excluded.created
                    """;
                command.Parameters.AddWithValue("$name", image.Name);
                command.Parameters.AddWithValue("$digest", image.Digest.ToString());
                command.Parameters.AddWithValue("$media_type", image.MediaType);
                command.Parameters.AddWithValue("$size", image.Size);
                command.Parameters.AddWithValue("$platforms", string.Join(',', image.Platforms.Select(p => p.ToString())));
                command.Parameters.AddWithValue("$created", image.Created.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<ImageRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM images WHERE name = $name", name, cancellationToken).ConfigureAwait(false);
        return found.IsEmpty ? null : found[0];
    }

    /// <summary>All images, ordered by name.</summary>
    public Task<ImmutableArray<ImageRecord>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM images ORDER BY name", null, cancellationToken);

    /// <summary>The images whose root is this digest (a content blob still in use), ordered by name.</summary>
    public Task<ImmutableArray<ImageRecord>> ListByDigestAsync(Digest digest, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM images WHERE digest = $name ORDER BY name", digest.ToString(), cancellationToken);

    /// <summary>Returns true when an image of that name existed.</summary>
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM images WHERE name = $name";
                command.Parameters.AddWithValue("$name", name);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    private Task<ImmutableArray<ImageRecord>> QueryAsync(string sql, string? argument, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                if (argument is not null)
                {
                    command.Parameters.AddWithValue("$name", argument);
                }

                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var images = ImmutableArray.CreateBuilder<ImageRecord>();
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        images.Add(Read(reader));
                    }

                    return images.ToImmutable();
                }
            },
            cancellationToken);

    private static ImageRecord Read(SqliteDataReader reader)
    {
        var name = reader.GetString(0);
        if (!Digest.TryParse(reader.GetString(1), out var digest, out var error))
        {
            throw new KilnException(ErrorCodes.MetadataRecordInvalid, $"image \"{name}\" in the metadata database has an invalid digest: {error}");
        }

        var platformText = reader.GetString(4);
        ImmutableArray<Platform> platforms;
        try
        {
            platforms = platformText.Length == 0 ? [] : [.. platformText.Split(',').Select(Platform.Parse)];
        }
        catch (KilnException ex)
        {
            throw new KilnException(ErrorCodes.MetadataRecordInvalid, $"image \"{name}\" in the metadata database has an invalid platform: {ex.Message}", inner: ex);
        }

        return new ImageRecord(name, digest, reader.GetString(2), reader.GetInt64(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)))
        {
            Platforms = platforms,
        };
    }
}
