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
    // ---- end KILN14xx ----

    // ---- KILN15xx: Dockerfile expansion, stages and checks ----
    // ---- end KILN15xx ----

    // ---- KILN16xx: graph, solver, build context ----
    public static readonly ErrorCode InvalidIgnorePattern = new(1640, "InvalidIgnorePattern");
    public static readonly ErrorCode ContextNotFound = new(1641, "ContextNotFound");
    public static readonly ErrorCode ContextPathEscapes = new(1642, "ContextPathEscapes");
    public static readonly ErrorCode ContextReadFailed = new(1643, "ContextReadFailed");
    public static readonly ErrorCode ContextChangedDuringHash = new(1644, "ContextChangedDuringHash");
    public static readonly ErrorCode ContextStatCacheFailed = new(1645, "ContextStatCacheFailed");
    // ---- end KILN16xx ----

    // ---- KILN17xx: executor and snapshots ----
    // ---- end KILN17xx ----

    // ---- KILN18xx: bake and HCL ----
    // ---- end KILN18xx ----

    // ---- KILN19xx: exporters, cache, attestations ----
    // ---- end KILN19xx ----
}
