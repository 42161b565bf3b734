using Kiln.Graph;
using Kiln.Oci;
using Kiln.Solver;

namespace Kiln.Bench;

/// <summary>Every result exists; a selection's digest is the digest of the result id.</summary>
internal sealed class NoOpResults : IResultInspector
{
    public ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(result.Id)));
}
