namespace Kiln.Bake.Files;

/// <summary>How a bake file is read.</summary>
internal enum BakeFileFormat
{
    Hcl,
    Json,
    Compose,
}
