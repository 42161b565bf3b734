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
    // ---- end KILN16xx ----

    // ---- KILN17xx: executor and snapshots ----
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
    // ---- end KILN18xx ----

    // ---- KILN19xx: exporters, cache, attestations ----
    // ---- end KILN19xx ----
}
