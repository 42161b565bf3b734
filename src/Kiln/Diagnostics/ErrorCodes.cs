namespace Kiln.Diagnostics;

/// <summary>
/// The one table of kiln's error codes. Each area owns a range; codes are never reused or renumbered.
/// KILN10xx general and CLI, 11xx OCI model, 12xx content store, 13xx registry, 14xx Dockerfile parsing
/// and instructions, 15xx Dockerfile expansion, stages and checks, 16xx graph, solver and context,
/// 17xx executor and snapshots, 18xx bake and HCL, 19xx exporters, cache and attestations.
/// </summary>
internal static class ErrorCodes
{
    // ---- KILN10xx: general and command line ----
    public static readonly ErrorCode Internal = new(1000, "Internal");
    public static readonly ErrorCode InvalidArgument = new(1001, "InvalidArgument");
    public static readonly ErrorCode NotSupported = new(1002, "NotSupported");
    public static readonly ErrorCode Cancelled = new(1003, "Cancelled");

    // imagetools (1050-1069)
    public static readonly ErrorCode InvalidAnnotation = new(1050, "InvalidAnnotation");
    public static readonly ErrorCode DuplicatePlatform = new(1051, "DuplicatePlatform");
    public static readonly ErrorCode InvalidSourceDescriptor = new(1052, "InvalidSourceDescriptor");
    // ---- end KILN10xx ----

    // ---- KILN11xx: OCI model ----
    public static readonly ErrorCode InvalidDigest = new(1101, "InvalidDigest");
    public static readonly ErrorCode DigestMismatch = new(1102, "DigestMismatch");
    public static readonly ErrorCode InvalidReference = new(1103, "InvalidReference");
    public static readonly ErrorCode InvalidPlatform = new(1104, "InvalidPlatform");
    public static readonly ErrorCode InvalidMediaType = new(1105, "InvalidMediaType");
    public static readonly ErrorCode InvalidJson = new(1106, "InvalidJson");
    public static readonly ErrorCode SizeMismatch = new(1107, "SizeMismatch");
    public static readonly ErrorCode InvalidDescriptor = new(1108, "InvalidDescriptor");
    public static readonly ErrorCode InvalidManifest = new(1109, "InvalidManifest");
    public static readonly ErrorCode InvalidIndex = new(1110, "InvalidIndex");
    public static readonly ErrorCode InvalidImageConfig = new(1111, "InvalidImageConfig");
    public static readonly ErrorCode DocumentTooLarge = new(1112, "DocumentTooLarge");
    public static readonly ErrorCode UnsupportedSchemaVersion = new(1113, "UnsupportedSchemaVersion");
    public static readonly ErrorCode UnknownMediaType = new(1114, "UnknownMediaType");
    public static readonly ErrorCode DocumentKindMismatch = new(1115, "DocumentKindMismatch");
    public static readonly ErrorCode NoMatchingPlatform = new(1116, "NoMatchingPlatform");
    // ---- end KILN11xx ----

    // ---- KILN12xx: content store and metadata ----
    public static readonly ErrorCode BlobDigestMismatch = new(1201, "BlobDigestMismatch");
    public static readonly ErrorCode BlobSizeMismatch = new(1202, "BlobSizeMismatch");
    public static readonly ErrorCode BlobNotFound = new(1203, "BlobNotFound");
    public static readonly ErrorCode StoreRootUnresolved = new(1204, "StoreRootUnresolved");
    public static readonly ErrorCode ContentWriteFailed = new(1205, "ContentWriteFailed");
    public static readonly ErrorCode MetadataSchemaTooNew = new(1206, "MetadataSchemaTooNew");
    public static readonly ErrorCode MetadataMigrationFailed = new(1207, "MetadataMigrationFailed");
    public static readonly ErrorCode MetadataDatabaseFailed = new(1208, "MetadataDatabaseFailed");
    public static readonly ErrorCode MetadataRecordInvalid = new(1209, "MetadataRecordInvalid");
    // ---- end KILN12xx ----

    // ---- KILN13xx: registry ----
    public static readonly ErrorCode RegistryRequestFailed = new(1301, "RegistryRequestFailed");
    public static readonly ErrorCode RegistryUnauthorized = new(1302, "RegistryUnauthorized");
    public static readonly ErrorCode MalformedAuthChallenge = new(1303, "MalformedAuthChallenge");
    public static readonly ErrorCode TokenRequestFailed = new(1304, "TokenRequestFailed");
    public static readonly ErrorCode RegistryNotFound = new(1305, "RegistryNotFound");
    public static readonly ErrorCode RegistryDigestMismatch = new(1306, "RegistryDigestMismatch");
    public static readonly ErrorCode RegistrySizeMismatch = new(1307, "RegistrySizeMismatch");
    public static readonly ErrorCode InvalidDockerConfig = new(1308, "InvalidDockerConfig");
    public static readonly ErrorCode CredentialHelperFailed = new(1309, "CredentialHelperFailed");
    public static readonly ErrorCode BlobUploadFailed = new(1310, "BlobUploadFailed");
    public static readonly ErrorCode UnsupportedManifestMediaType = new(1311, "UnsupportedManifestMediaType");
    public static readonly ErrorCode InvalidRegistryResponse = new(1312, "InvalidRegistryResponse");
    public static readonly ErrorCode ManifestTooLarge = new(1313, "ManifestTooLarge");
    // ---- end KILN13xx ----

    // ---- KILN14xx: Dockerfile parsing and instructions ----
    // ---- end KILN14xx ----

    // ---- KILN15xx: Dockerfile expansion, stages and checks ----
    // ---- end KILN15xx ----

    // ---- KILN16xx: graph, solver, build context ----
    // ---- end KILN16xx ----

    // ---- KILN17xx: executor and snapshots ----
    // executor (1740-1799)
    public static readonly ErrorCode ProcessFailed = new(1740, "ProcessFailed");
    public static readonly ErrorCode RuntimeFailed = new(1741, "RuntimeFailed");
    public static readonly ErrorCode RuntimeNotFound = new(1742, "RuntimeNotFound");
    public static readonly ErrorCode UserNotFound = new(1743, "UserNotFound");
    public static readonly ErrorCode GroupNotFound = new(1744, "GroupNotFound");
    public static readonly ErrorCode InvalidUser = new(1745, "InvalidUser");
    public static readonly ErrorCode EntitlementRequired = new(1746, "EntitlementRequired");
    public static readonly ErrorCode InvalidEntitlement = new(1747, "InvalidEntitlement");
    public static readonly ErrorCode EmulatorMissing = new(1748, "EmulatorMissing");
    public static readonly ErrorCode InvalidSecretSpec = new(1749, "InvalidSecretSpec");
    public static readonly ErrorCode SecretNotFound = new(1750, "SecretNotFound");
    public static readonly ErrorCode SecretTooLarge = new(1751, "SecretTooLarge");
    public static readonly ErrorCode InvalidSshSpec = new(1752, "InvalidSshSpec");
    public static readonly ErrorCode SshAgentNotFound = new(1753, "SshAgentNotFound");
    public static readonly ErrorCode SshKeyFilesNotSupported = new(1754, "SshKeyFilesNotSupported");
    public static readonly ErrorCode InvalidMount = new(1755, "InvalidMount");
    public static readonly ErrorCode PathEscapesRoot = new(1756, "PathEscapesRoot");
    public static readonly ErrorCode CacheMountFailed = new(1757, "CacheMountFailed");
    // ---- end KILN17xx ----

    // ---- KILN18xx: bake and HCL ----
    // ---- end KILN18xx ----

    // ---- KILN19xx: exporters, cache, attestations ----
    // ---- end KILN19xx ----
}
