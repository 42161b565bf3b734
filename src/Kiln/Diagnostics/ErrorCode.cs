namespace Kiln.Diagnostics;

/// <summary>A stable error code such as KILN1301, with the short name used in the code table.</summary>
internal readonly record struct ErrorCode(int Number, string Name)
{
    public override string ToString() => $"KILN{Number}";
}
