namespace Kiln.Context;

/// <summary>Which patterns matched a directory; a walk hands it to the directory's children.</summary>
internal readonly struct IgnoreMatchState
{
    private readonly bool[]? _matched;

    public IgnoreMatchState(bool[] matched) => _matched = matched;

    /// <summary>No information: the path is at the top of the context.</summary>
    public static IgnoreMatchState None => default;

    public bool IsNone => _matched is null || _matched.Length == 0;

    public bool Matched(int index) => _matched![index];
}
