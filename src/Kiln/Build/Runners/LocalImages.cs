using System.Collections.Concurrent;
using Kiln.Content;
using Kiln.Content.Images;
using Kiln.Oci;

namespace Kiln.Build.Runners;

/// <summary>
/// Images a build can use without a registry: those in kiln's local image store (by name) and those registered for
/// one session (an <c>oci-layout://</c> context imported into the content store). A name found here is not pulled.
/// </summary>
internal sealed class LocalImages(ContentStore store, LocalImageStore? images)
{
    private readonly ConcurrentDictionary<string, Descriptor> registered = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="name"/> resolve to <paramref name="root"/>, whose blobs are all in the content store.</summary>
    public void Register(Reference name, Descriptor root)
    {
        ArgumentNullException.ThrowIfNull(name);
        registered[name.ToString()] = root;
    }

    /// <summary>The root descriptor of a local image of that name, or null when there is none (or its root blob is gone).</summary>
    public async Task<Descriptor?> FindAsync(Reference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (registered.TryGetValue(reference.ToString(), out var root))
        {
            return root;
        }

        if (images is null || reference.Digest is not null)
        {
            return null;
        }

        var record = await images.FindAsync(reference.ToString(), cancellationToken).ConfigureAwait(false);
        if (record is null || !await store.ExistsAsync(record.Digest, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new Descriptor(record.MediaType, record.Digest, record.Size);
    }
}
