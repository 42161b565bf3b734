namespace Kiln.Bake.Overrides;

/// <summary>Go's strconv.ParseBool, which buildx uses for --set bool keys and attestation shorthands.</summary>
internal static class GoBool
{
    public static bool? Parse(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
