using Kiln.Diagnostics;

namespace Kiln.Cli.Progress;

/// <summary>How build progress is shown: buildx's --progress values.</summary>
internal enum ProgressMode
{
    Auto,
    Plain,
    Tty,
    RawJson,
    Quiet,
}

/// <summary>Reads --progress, falling back to BUILDKIT_PROGRESS, as buildx does.</summary>
internal static class ProgressModes
{
    public static ProgressMode Resolve(string? flag, Func<string, string?> environment)
    {
        var text = string.IsNullOrEmpty(flag) || flag == "auto" ? environment("BUILDKIT_PROGRESS") : flag;
        return Parse(string.IsNullOrEmpty(text) ? "auto" : text);
    }

    public static ProgressMode Parse(string text) => text switch
    {
        "auto" => ProgressMode.Auto,
        "plain" => ProgressMode.Plain,
        "tty" => ProgressMode.Tty,
        "rawjson" => ProgressMode.RawJson,
        "quiet" => ProgressMode.Quiet,
        _ => throw new KilnException(ErrorCodes.InvalidArgument, $"invalid progress mode \"{text}\" (use auto, plain, tty, rawjson or quiet)"),
    };
}
