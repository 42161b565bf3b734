namespace Kiln.Bake.Model;

/// <summary>How a field combines when a target inherits from another or is declared again in a later file.</summary>
internal enum BakeMergeRule
{
    /// <summary>A later value replaces the earlier one.</summary>
    Replace,
    /// <summary>Later items follow the earlier ones.</summary>
    Append,
    /// <summary>Appended, then one entry per attestation type survives (the later one, at the earlier place).</summary>
    AppendAttest,
    /// <summary>Entries are merged key by key; later keys win; null entries of the later map are skipped.</summary>
    MergeEntries,
    /// <summary>Not merged: consumed before targets merge (matrix, name).</summary>
    None,
}
