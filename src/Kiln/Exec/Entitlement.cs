namespace Kiln.Exec;

/// <summary>A privilege a build must be granted with <c>--allow</c> before a step may use it.</summary>
internal enum Entitlement
{
    NetworkHost,
    SecurityInsecure,
}
