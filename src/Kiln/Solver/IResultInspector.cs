using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Solver;

/// <summary>Answers questions about stored results; supplied by whoever stores them (the snapshotter).</summary>
internal interface IResultInspector
{
    /// <summary>Whether the result still exists (a cache record whose snapshot was pruned is a miss).</summary>
    ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken);

    /// <summary>
    /// The content digest of exactly the selected paths of a result: names, content, modes, ownership and
    /// symlink targets, and nothing else.
    /// </summary>
    ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken);
}
