using System.Buffers;
using System.Text;
using System.Text.Json;
using Kiln.Build.Files;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build;

/// <summary>
/// Answers the solver's questions about results that are committed snapshots: whether one still exists, and the
/// content digest of selected paths of one (read through a read-only view of its whole chain). A committed result
/// never changes, so each selection digest is computed once and remembered under <c>$KILN_ROOT/selections/</c>.
/// </summary>
internal sealed class SnapshotResultInspector(Snapshotter snapshotter, KilnPaths paths) : IResultInspector
{
    private string Directory => Path.Combine(paths.Root, "selections");

    public async ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return await snapshotter.StatAsync(result.Id, cancellationToken).ConfigureAwait(false) is { Kind: SnapshotKind.Committed };
    }

    public async ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(selection);
        // The snapshot's row id and creation time tell a result apart from an earlier one of the same name that was pruned.
        var info = await snapshotter.StatAsync(result.Id, cancellationToken).ConfigureAwait(false);
        var identity = info is null ? result.Id : $"{info.Key}\n{info.Id}\n{info.Created.UtcTicks}";
        var memo = Path.Combine(Directory, MemoKey(identity, selection).Hex);
        if (File.Exists(memo) && Digest.TryParse(await File.ReadAllTextAsync(memo, cancellationToken).ConfigureAwait(false), out var remembered))
        {
            return remembered;
        }

        var view = await SnapshotView.MountAsync(snapshotter, paths, result.Id, cancellationToken).ConfigureAwait(false);
        Digest digest;
        await using (view.ConfigureAwait(false))
        {
            digest = await Task.Run(() => SelectionDigester.Compute(view.Path, selection, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = $"{memo}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, digest.ToString(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, memo, overwrite: true);
        return digest;
    }

    private static Digest MemoKey(string identity, InputSelection selection)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(Encoding.UTF8.GetBytes(identity + "\n"));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            selection.Write(writer);
        }

        return Digest.Sha256(buffer.WrittenSpan);
    }
}
