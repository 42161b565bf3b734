namespace Kiln.Context;

/// <summary>Opens context files for hashing; tests count reads through it.</summary>
internal interface IContextFileReader
{
    Stream OpenRead(string fullPath);
}
