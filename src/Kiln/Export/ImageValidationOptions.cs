namespace Kiln.Export;

/// <summary>How deep <see cref="ImageValidator"/> looks: structure and blob digests always, layer contents on request.</summary>
internal sealed record ImageValidationOptions
{
    public static ImageValidationOptions Default { get; } = new();

    /// <summary>Decompress every layer and compare its sha256 with the config's diffID.</summary>
    public bool VerifyDiffIds { get; init; }
}
