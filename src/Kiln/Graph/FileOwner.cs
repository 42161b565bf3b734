namespace Kiln.Graph;

/// <summary>The owner a file action sets: a user and optional group, each a name or a numeric id.</summary>
internal sealed record FileOwner(string User, string? Group = null);
