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

    // kiln build (1070-1089)
    public static readonly ErrorCode InvalidBuildContext = new(1070, "InvalidBuildContext");
    public static readonly ErrorCode DockerfileNotFound = new(1071, "DockerfileNotFound");
    public static readonly ErrorCode DockerfileInvalid = new(1072, "DockerfileInvalid");
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
    public static readonly ErrorCode DockerfileUnknownInstruction = new(1401, "DockerfileUnknownInstruction");
    public static readonly ErrorCode DockerfileInvalidDirective = new(1402, "DockerfileInvalidDirective");
    public static readonly ErrorCode DockerfileDuplicateDirective = new(1403, "DockerfileDuplicateDirective");
    public static readonly ErrorCode DockerfileUnterminatedHeredoc = new(1404, "DockerfileUnterminatedHeredoc");
    public static readonly ErrorCode DockerfileNoBuildStage = new(1405, "DockerfileNoBuildStage");
    public static readonly ErrorCode DockerfileEmpty = new(1406, "DockerfileEmpty");
    public static readonly ErrorCode DockerfileUnknownFlag = new(1407, "DockerfileUnknownFlag");
    public static readonly ErrorCode DockerfileDuplicateFlag = new(1408, "DockerfileDuplicateFlag");
    public static readonly ErrorCode DockerfileFlagMissingValue = new(1409, "DockerfileFlagMissingValue");
    public static readonly ErrorCode DockerfileFlagInvalidBool = new(1410, "DockerfileFlagInvalidBool");
    public static readonly ErrorCode DockerfileMissingArguments = new(1411, "DockerfileMissingArguments");
    public static readonly ErrorCode DockerfileExactlyOneArgument = new(1412, "DockerfileExactlyOneArgument");
    public static readonly ErrorCode DockerfileTooManyArguments = new(1413, "DockerfileTooManyArguments");
    public static readonly ErrorCode DockerfileCopyNeedsDestination = new(1414, "DockerfileCopyNeedsDestination");
    public static readonly ErrorCode DockerfileInvalidKeyValue = new(1415, "DockerfileInvalidKeyValue");
    public static readonly ErrorCode DockerfileBlankName = new(1416, "DockerfileBlankName");
    public static readonly ErrorCode DockerfileJsonNotStringArray = new(1417, "DockerfileJsonNotStringArray");
    public static readonly ErrorCode DockerfileShellRequiresJson = new(1418, "DockerfileShellRequiresJson");
    public static readonly ErrorCode DockerfileFromArguments = new(1419, "DockerfileFromArguments");
    public static readonly ErrorCode DockerfileInvalidStageName = new(1420, "DockerfileInvalidStageName");
    public static readonly ErrorCode DockerfileInvalidHealthcheck = new(1421, "DockerfileInvalidHealthcheck");
    public static readonly ErrorCode DockerfileInvalidDuration = new(1422, "DockerfileInvalidDuration");
    public static readonly ErrorCode DockerfileInvalidRetries = new(1423, "DockerfileInvalidRetries");
    public static readonly ErrorCode DockerfileOnbuildNotAllowed = new(1424, "DockerfileOnbuildNotAllowed");
    public static readonly ErrorCode DockerfileInvalidMount = new(1425, "DockerfileInvalidMount");
    public static readonly ErrorCode DockerfileInvalidNetwork = new(1426, "DockerfileInvalidNetwork");
    public static readonly ErrorCode DockerfileEmptyContinuationLine = new(1427, "DockerfileEmptyContinuationLine");
    public static readonly ErrorCode DockerfileInvalidPort = new(1428, "DockerfileInvalidPort");
    public static readonly ErrorCode DockerfileInvalidChecksum = new(1429, "DockerfileInvalidChecksum");
    public static readonly ErrorCode DockerfileNoStages = new(1430, "DockerfileNoStages");
    public static readonly ErrorCode DockerfileInvalidSignal = new(1431, "DockerfileInvalidSignal");
    public static readonly ErrorCode DockerfileUnknownTarget = new(1480, "DockerfileUnknownTarget");
    public static readonly ErrorCode DockerfileStageCycle = new(1481, "DockerfileStageCycle");
    public static readonly ErrorCode DockerfileInvalidStageIndex = new(1482, "DockerfileInvalidStageIndex");
    public static readonly ErrorCode DockerfileInvalidStageReference = new(1483, "DockerfileInvalidStageReference");
    // ---- end KILN14xx ----

    // ---- KILN15xx: Dockerfile expansion, stages and checks ----
    public static readonly ErrorCode ShellMissingBrace = new(1500, "ShellMissingBrace");
    public static readonly ErrorCode ShellBadSubstitution = new(1501, "ShellBadSubstitution");
    public static readonly ErrorCode ShellUnsupportedModifier = new(1502, "ShellUnsupportedModifier");
    public static readonly ErrorCode ShellUnterminatedSingleQuote = new(1503, "ShellUnterminatedSingleQuote");
    public static readonly ErrorCode ShellUnterminatedDoubleQuote = new(1504, "ShellUnterminatedDoubleQuote");
    public static readonly ErrorCode ShellMissingSlash = new(1505, "ShellMissingSlash");
    public static readonly ErrorCode ShellInvalidPattern = new(1506, "ShellInvalidPattern");
    public static readonly ErrorCode ShellRequiredVariable = new(1507, "ShellRequiredVariable");
    public static readonly ErrorCode ShellInvalidEscapeToken = new(1508, "ShellInvalidEscapeToken");

    // build checks (1540-1599)
    public static readonly ErrorCode CheckInvalidOptions = new(1540, "CheckInvalidOptions");
    public static readonly ErrorCode CheckViolation = new(1541, "CheckViolation");
    public static readonly ErrorCode BuildNotAvailable = new(1542, "BuildNotAvailable");
    public static readonly ErrorCode CheckInvalidBaseName = new(1543, "CheckInvalidBaseName");
    public static readonly ErrorCode CheckInvalidPlatform = new(1544, "CheckInvalidPlatform");
    public static readonly ErrorCode ConvertBaseImage = new(1520, "ConvertBaseImage");
    public static readonly ErrorCode ConvertInvalidPlatform = new(1521, "ConvertInvalidPlatform");
    public static readonly ErrorCode ConvertExpansion = new(1522, "ConvertExpansion");
    public static readonly ErrorCode ConvertInvalidChmod = new(1523, "ConvertInvalidChmod");
    public static readonly ErrorCode ConvertInvalidUrl = new(1524, "ConvertInvalidUrl");
    public static readonly ErrorCode ConvertInvalidPort = new(1525, "ConvertInvalidPort");
    public static readonly ErrorCode ConvertOnbuildTrigger = new(1526, "ConvertOnbuildTrigger");
    public static readonly ErrorCode ConvertInvalidMount = new(1527, "ConvertInvalidMount");
    public static readonly ErrorCode ConvertInvalidSource = new(1528, "ConvertInvalidSource");
    public static readonly ErrorCode ConvertUnusedBuildArg = new(1529, "ConvertUnusedBuildArg");
    // ---- end KILN15xx ----

    // ---- KILN16xx: graph, solver, build context ----
    public static readonly ErrorCode GraphInvalid = new(1600, "GraphInvalid");
    public static readonly ErrorCode VertexFailed = new(1601, "VertexFailed");
    public static readonly ErrorCode NoOpRunner = new(1602, "NoOpRunner");
    public static readonly ErrorCode RunnerResultMismatch = new(1603, "RunnerResultMismatch");
    public static readonly ErrorCode CacheStoreFailed = new(1604, "CacheStoreFailed");
    public static readonly ErrorCode CacheRecordInvalid = new(1605, "CacheRecordInvalid");
    public static readonly ErrorCode InvalidIgnorePattern = new(1640, "InvalidIgnorePattern");
    public static readonly ErrorCode ContextNotFound = new(1641, "ContextNotFound");
    public static readonly ErrorCode ContextPathEscapes = new(1642, "ContextPathEscapes");
    public static readonly ErrorCode ContextReadFailed = new(1643, "ContextReadFailed");
    public static readonly ErrorCode ContextChangedDuringHash = new(1644, "ContextChangedDuringHash");
    public static readonly ErrorCode ContextStatCacheFailed = new(1645, "ContextStatCacheFailed");
    // file, merge, local and http op runners: 1660-1679
    public static readonly ErrorCode LocalSourceUnknown = new(1660, "LocalSourceUnknown");
    public static readonly ErrorCode CopySourceNotFound = new(1661, "CopySourceNotFound");
    public static readonly ErrorCode FileActionFailed = new(1662, "FileActionFailed");
    public static readonly ErrorCode FileDestinationConflict = new(1663, "FileDestinationConflict");
    public static readonly ErrorCode FilePathNotFound = new(1664, "FilePathNotFound");
    public static readonly ErrorCode HttpDownloadFailed = new(1665, "HttpDownloadFailed");
    public static readonly ErrorCode HttpChecksumMismatch = new(1666, "HttpChecksumMismatch");
    public static readonly ErrorCode MergeInputInvalid = new(1667, "MergeInputInvalid");
    public static readonly ErrorCode ArchiveUnpackFailed = new(1668, "ArchiveUnpackFailed");
    public static readonly ErrorCode OwnerNameWithoutBase = new(1669, "OwnerNameWithoutBase");
    // ---- end KILN16xx ----

    // ---- KILN17xx: executor and snapshots ----
    // snapshots and layers: 1700-1739
    public static readonly ErrorCode SnapshotNotFound = new(1700, "SnapshotNotFound");
    public static readonly ErrorCode SnapshotExists = new(1701, "SnapshotExists");
    public static readonly ErrorCode SnapshotStateInvalid = new(1702, "SnapshotStateInvalid");
    public static readonly ErrorCode SnapshotInUse = new(1703, "SnapshotInUse");
    public static readonly ErrorCode SnapshotMountFailed = new(1704, "SnapshotMountFailed");
    public static readonly ErrorCode SnapshotUnmountFailed = new(1705, "SnapshotUnmountFailed");
    public static readonly ErrorCode SnapshotChainTooDeep = new(1706, "SnapshotChainTooDeep");
    public static readonly ErrorCode SnapshotIoFailed = new(1707, "SnapshotIoFailed");
    public static readonly ErrorCode InvalidSnapshotKey = new(1708, "InvalidSnapshotKey");
    public static readonly ErrorCode LayerUnsafeEntry = new(1710, "LayerUnsafeEntry");
    public static readonly ErrorCode LayerCorrupt = new(1711, "LayerCorrupt");
    public static readonly ErrorCode LayerApplyFailed = new(1712, "LayerApplyFailed");
    public static readonly ErrorCode LayerUnsupportedEntry = new(1713, "LayerUnsupportedEntry");
    public static readonly ErrorCode LayerDiffFailed = new(1714, "LayerDiffFailed");
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
    public static readonly ErrorCode ExecRootMissing = new(1758, "ExecRootMissing");
    // ---- end KILN17xx ----

    // ---- KILN18xx: bake and HCL ----
    public static readonly ErrorCode HclInvalidCharacter = new(1800, "HclInvalidCharacter");
    public static readonly ErrorCode HclUnterminatedString = new(1801, "HclUnterminatedString");
    public static readonly ErrorCode HclUnterminatedHeredoc = new(1802, "HclUnterminatedHeredoc");
    public static readonly ErrorCode HclUnterminatedComment = new(1803, "HclUnterminatedComment");
    public static readonly ErrorCode HclInvalidEscape = new(1804, "HclInvalidEscape");
    public static readonly ErrorCode HclUnexpectedToken = new(1805, "HclUnexpectedToken");
    public static readonly ErrorCode HclMissingNewline = new(1806, "HclMissingNewline");
    public static readonly ErrorCode HclDuplicateAttribute = new(1807, "HclDuplicateAttribute");
    public static readonly ErrorCode HclInvalidBlockLabel = new(1808, "HclInvalidBlockLabel");
    public static readonly ErrorCode HclUnbalancedBracket = new(1809, "HclUnbalancedBracket");
    public static readonly ErrorCode HclInvalidTemplateDirective = new(1810, "HclInvalidTemplateDirective");
    public static readonly ErrorCode HclInvalidNumber = new(1811, "HclInvalidNumber");
    public static readonly ErrorCode HclInvalidHeredocMarker = new(1812, "HclInvalidHeredocMarker");
    public static readonly ErrorCode HclInvalidForExpression = new(1813, "HclInvalidForExpression");
    public static readonly ErrorCode HclUnknownVariable = new(1820, "HclUnknownVariable");
    public static readonly ErrorCode HclUnknownFunction = new(1821, "HclUnknownFunction");
    public static readonly ErrorCode HclUnsupportedAttribute = new(1822, "HclUnsupportedAttribute");
    public static readonly ErrorCode HclInvalidIndex = new(1823, "HclInvalidIndex");
    public static readonly ErrorCode HclTypeMismatch = new(1824, "HclTypeMismatch");
    public static readonly ErrorCode HclFunctionCallFailed = new(1825, "HclFunctionCallFailed");
    public static readonly ErrorCode HclInvalidFunctionArguments = new(1826, "HclInvalidFunctionArguments");
    public static readonly ErrorCode HclNullValue = new(1827, "HclNullValue");
    public static readonly ErrorCode HclArithmeticError = new(1828, "HclArithmeticError");
    public static readonly ErrorCode HclDuplicateForKey = new(1829, "HclDuplicateForKey");
    public static readonly ErrorCode HclInvalidTypeExpression = new(1830, "HclInvalidTypeExpression");
    public static readonly ErrorCode HclVariableCycle = new(1831, "HclVariableCycle");
    public static readonly ErrorCode HclValidationFailed = new(1832, "HclValidationFailed");
    public static readonly ErrorCode HclInvalidVariableValue = new(1833, "HclInvalidVariableValue");
    public static readonly ErrorCode HclInvalidFunctionDefinition = new(1834, "HclInvalidFunctionDefinition");
    public static readonly ErrorCode HclInvalidVariableDefinition = new(1835, "HclInvalidVariableDefinition");
    // bake (1850-1899)
    public static readonly ErrorCode BakeFileNotFound = new(1850, "BakeFileNotFound");
    public static readonly ErrorCode BakeUnknownField = new(1851, "BakeUnknownField");
    public static readonly ErrorCode BakeInvalidJson = new(1852, "BakeInvalidJson");
    public static readonly ErrorCode BakeFieldType = new(1853, "BakeFieldType");
    public static readonly ErrorCode BakeUnknownTarget = new(1854, "BakeUnknownTarget");
    public static readonly ErrorCode BakeInvalidOverride = new(1855, "BakeInvalidOverride");
    public static readonly ErrorCode BakeOverrideNoMatch = new(1856, "BakeOverrideNoMatch");
    public static readonly ErrorCode BakeInvalidTargetName = new(1857, "BakeInvalidTargetName");
    public static readonly ErrorCode BakeInvalidCompose = new(1858, "BakeInvalidCompose");
    public static readonly ErrorCode BakeInheritanceCycle = new(1859, "BakeInheritanceCycle");
    public static readonly ErrorCode BakeLinkCycle = new(1860, "BakeLinkCycle");
    public static readonly ErrorCode BakeBuildNotAvailable = new(1863, "BakeBuildNotAvailable");
    public static readonly ErrorCode BakeInvalidMatrix = new(1864, "BakeInvalidMatrix");
    public static readonly ErrorCode BakeMissingAttribute = new(1865, "BakeMissingAttribute");
    public static readonly ErrorCode BakeUnknownBlock = new(1866, "BakeUnknownBlock");
    public static readonly ErrorCode BakePlatformMismatch = new(1867, "BakePlatformMismatch");
    public static readonly ErrorCode BakeInvalidFlag = new(1868, "BakeInvalidFlag");
    public static readonly ErrorCode BakeComposeInterpolation = new(1869, "BakeComposeInterpolation");
    // ---- end KILN18xx ----

    // ---- KILN19xx: exporters, cache, attestations ----
    // image validation and exporters (1900-1949)
    public static readonly ErrorCode ExportBlobMissing = new(1901, "ExportBlobMissing");
    public static readonly ErrorCode ExportBlobSizeMismatch = new(1902, "ExportBlobSizeMismatch");
    public static readonly ErrorCode ExportBlobDigestMismatch = new(1903, "ExportBlobDigestMismatch");
    public static readonly ErrorCode ExportMediaTypeMismatch = new(1904, "ExportMediaTypeMismatch");
    public static readonly ErrorCode ExportDiffIdCountMismatch = new(1905, "ExportDiffIdCountMismatch");
    public static readonly ErrorCode ExportDiffIdMismatch = new(1906, "ExportDiffIdMismatch");
    public static readonly ErrorCode ExportPlatformMismatch = new(1907, "ExportPlatformMismatch");
    public static readonly ErrorCode ExportInvalidDocument = new(1908, "ExportInvalidDocument");
    public static readonly ErrorCode ExportInvalidImage = new(1909, "ExportInvalidImage");
    public static readonly ErrorCode DockerExportManifestList = new(1910, "DockerExportManifestList");
    public static readonly ErrorCode ExportNoImage = new(1911, "ExportNoImage");
    public static readonly ErrorCode ExportOutputInvalid = new(1912, "ExportOutputInvalid");
    public static readonly ErrorCode ExportOutputUnknownType = new(1913, "ExportOutputUnknownType");
    public static readonly ErrorCode ExportOutputUnknownOption = new(1914, "ExportOutputUnknownOption");
    public static readonly ErrorCode ExportOutputInvalidValue = new(1915, "ExportOutputInvalidValue");
    public static readonly ErrorCode ExportAnnotationInvalid = new(1916, "ExportAnnotationInvalid");
    public static readonly ErrorCode ExportIndexAnnotationSinglePlatform = new(1917, "ExportIndexAnnotationSinglePlatform");
    public static readonly ErrorCode ExportDestinationRequired = new(1918, "ExportDestinationRequired");
    public static readonly ErrorCode ExportNameRequired = new(1919, "ExportNameRequired");
    public static readonly ErrorCode ExportWriteFailed = new(1920, "ExportWriteFailed");

    // push, local image store, docker load (1930-1949)
    public static readonly ErrorCode ImageNotFound = new(1930, "ImageNotFound");
    public static readonly ErrorCode PushTargetInvalid = new(1931, "PushTargetInvalid");
    public static readonly ErrorCode DockerEngineUnreachable = new(1932, "DockerEngineUnreachable");
    public static readonly ErrorCode DockerLoadFailed = new(1933, "DockerLoadFailed");
    public static readonly ErrorCode ImageIdAmbiguous = new(1934, "ImageIdAmbiguous");
    // ---- end KILN19xx ----
}
