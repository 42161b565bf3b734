namespace Kiln.Bake.Model;

/// <summary>What resolving a target does to a field before it is printed or built.</summary>
internal enum BakeNormalizeRule
{
    None,
    /// <summary>Empty strings and repeated items are dropped, first occurrence kept.</summary>
    Dedupe,
    /// <summary>One attestation per type, the last one winning at the first one's place.</summary>
    DedupeAttest,
    /// <summary>Entries with empty values are dropped (contexts).</summary>
    DropEmptyValues,
}
