using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// Returns the config of a FROM image (or <c>COPY --from</c> image) for one platform; null when the image has no
/// config worth inheriting. The builder passes a registry-backed resolver, tests a fake.
/// </summary>
internal delegate ValueTask<ImageConfig?> BaseImageConfigProvider(Reference image, Platform platform, CancellationToken cancellationToken);
