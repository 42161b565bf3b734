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
    // ---- end KILN10xx ----

    // ---- KILN11xx: OCI model ----
    public static readonly ErrorCode InvalidDigest = new(1101, "InvalidDigest");
    public static readonly ErrorCode DigestMismatch = new(1102, "DigestMismatch");
    public static readonly ErrorCode InvalidReference = new(1103, "InvalidReference");
    public static readonly ErrorCode InvalidPlatform = new(1104, "InvalidPlatform");
    public static readonly ErrorCode InvalidMediaType = new(1105, "InvalidMediaType");
    public static readonly ErrorCode InvalidJson = new(1106, "InvalidJson");
    public static readonly ErrorCode SizeMismatch = new(1107, "SizeMismatch");
    // ---- end KILN11xx ----

    // ---- KILN12xx: content store and metadata ----
    // ---- end KILN12xx ----

    // ---- KILN13xx: registry ----
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
    // ---- end KILN15xx ----

    // ---- KILN16xx: graph, solver, build context ----
    // ---- end KILN16xx ----

    // ---- KILN17xx: executor and snapshots ----
    // ---- end KILN17xx ----

    // ---- KILN18xx: bake and HCL ----
    // ---- end KILN18xx ----

    // ---- KILN19xx: exporters, cache, attestations ----
    // ---- end KILN19xx ----
}
