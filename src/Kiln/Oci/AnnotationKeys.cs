namespace Kiln.Oci;

/// <summary>Annotation keys kiln reads or writes on descriptors, manifests and indexes.</summary>
internal static class AnnotationKeys
{
    /// <summary>BuildKit's marker on attestation manifests inside an image index.</summary>
    public const string DockerReferenceType = "vnd.docker.reference.type";

    /// <summary>The digest of the image manifest an attestation manifest describes.</summary>
    public const string DockerReferenceDigest = "vnd.docker.reference.digest";

    public const string AttestationManifest = "attestation-manifest";

    public const string ImageCreated = "org.opencontainers.image.created";

    public const string ImageRefName = "org.opencontainers.image.ref.name";

    public static bool IsAttestationManifest(Descriptor descriptor) =>
        descriptor.Annotations.TryGetValue(DockerReferenceType, out var type) && type == AttestationManifest;
}
