namespace Kiln.IntegrationTests.Registry;

/// <summary>What a <see cref="FaultProxy"/> does instead of forwarding faithfully.</summary>
internal enum FaultKind
{
    Status,
    Drop,
    Truncate,
    CorruptBody,
}
