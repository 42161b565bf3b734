using System.Collections.Immutable;
using Kiln.Build.Files;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Runners;

/// <summary>
/// Runs <see cref="FileOp"/>: a new result snapshot over the base input (none for scratch) is mounted and the actions
/// are applied to it in order; copy sources are read from read-only views of the other inputs. Owner names resolve
/// against the destination as it stands when the action runs. Failures name the vertex's source span.
/// </summary>
internal sealed class FileOpRunner(Snapshotter snapshotter, KilnPaths paths) : OpRunner<FileOp>
{
    protected override async Task<ImmutableArray<OpResult>> RunAsync(FileOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        var parent = op.BaseInput >= 0 ? context.Inputs[op.BaseInput].Id : null;
        var name = ResultSnapshots.Name(context.CacheKey);
        var result = await ResultSnapshots.CreateAsync(
            snapshotter, paths, name, parent, (root, token) => ApplyAllAsync(op, context, root, token), mount: true, cancellationToken).ConfigureAwait(false);
        return [result];
    }

    private async Task ApplyAllAsync(FileOp op, OpRunContext context, string root, CancellationToken cancellationToken)
    {
        if (op.BaseInput < 0 && op.Actions.OrEmpty().Any(NamesAnOwner))
        {
            // BuildKit reads names from the op's base; on scratch (COPY --link, FROM scratch) it has none and fails.
            throw new KilnException(
                ErrorCodes.OwnerNameWithoutBase,
                "invalid user index: -1 (an owner given by name needs a base filesystem to look it up in; use numeric ids)",
                context.Vertex.Metadata.Source);
        }

        var views = new Dictionary<int, SnapshotView>();
        try
        {
            foreach (var action in op.Actions.OrEmpty())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = action.SourceInput >= 0 ? await ViewAsync(views, context, action.SourceInput, cancellationToken).ConfigureAwait(false) : null;
                await ApplyAsync(action, root, source, context.Vertex.Metadata.Source, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var view in views.Values)
            {
                await view.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<string> ViewAsync(Dictionary<int, SnapshotView> views, OpRunContext context, int input, CancellationToken cancellationToken)
    {
        if (!views.TryGetValue(input, out var view))
        {
            view = await SnapshotView.MountAsync(snapshotter, paths, context.Inputs[input].Id, cancellationToken).ConfigureAwait(false);
            views[input] = view;
        }

        return view.Path;
    }

    private static async Task ApplyAsync(FileAction action, string root, string? source, SourceSpan? span, CancellationToken cancellationToken)
    {
        try
        {
            switch (action)
            {
                case CopyAction copy:
                    await CopyAsync(copy, root, source, cancellationToken).ConfigureAwait(false);
                    break;
                case MkdirAction mkdir:
                    PathActions.Mkdir(root, mkdir, OwnerResolver.Resolve(mkdir.Owner, root));
                    break;
                case MkfileAction mkfile:
                    PathActions.Mkfile(root, mkfile, OwnerResolver.Resolve(mkfile.Owner, root));
                    break;
                case RmAction rm:
                    PathActions.Rm(root, rm);
                    break;
                case SymlinkAction symlink:
                    PathActions.Symlink(root, symlink, OwnerResolver.Resolve(symlink.Owner, root));
                    break;
                default:
                    throw new KilnException(ErrorCodes.GraphInvalid, $"unknown file action \"{action.Kind}\"", span);
            }
        }
        catch (KilnException e) when (e.Span is null)
        {
            throw new KilnException(e.Code, e.Message, span, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KilnException(ErrorCodes.FileActionFailed, $"{action.Kind}: {e.Message}", span, e);
        }
    }

    // A copy from scratch (input -1) reads an empty directory.
    private static async Task CopyAsync(CopyAction copy, string root, string? source, CancellationToken cancellationToken)
    {
        var scratch = source is null ? Directory.CreateTempSubdirectory("kiln-scratch-").FullName : null;
        try
        {
            await CopyActionApplier.ApplyAsync(copy, source ?? scratch!, root, OwnerResolver.Resolve(copy.Owner, root), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static bool NamesAnOwner(FileAction action)
    {
        var owner = action switch
        {
            CopyAction copy => copy.Owner,
            MkdirAction mkdir => mkdir.Owner,
            MkfileAction mkfile => mkfile.Owner,
            SymlinkAction symlink => symlink.Owner,
            _ => null,
        };
        return owner is not null && (!IsId(owner.User) || (!string.IsNullOrEmpty(owner.Group) && !IsId(owner.Group)));
    }

    private static bool IsId(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
