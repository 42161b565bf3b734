namespace Kiln.Bake.Files;

/// <summary>One bake file's name (as given or found) and text.</summary>
internal sealed record BakeFile(string Name, string Text)
{
    public BakeFileFormat Format => BakeFileFormats.Of(Name);
}
