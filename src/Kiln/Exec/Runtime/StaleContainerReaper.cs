using Kiln.Diagnostics;

namespace Kiln.Exec.Runtime;

/// <summary>
/// Removes what crashed kiln processes left behind: their containers under kiln's runtime root (killed and
/// deleted), their bundles and their tmpfs directories. Containers of live kiln processes are left alone.
/// </summary>
internal static class StaleContainerReaper
{
    /// <summary>Returns the ids of the containers it deleted.</summary>
    public static async Task<IReadOnlyList<string>> ReapAsync(OciRuntime runtime, CancellationToken cancellationToken)
    {
        var reaped = new List<string>();
        foreach (var container in await runtime.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!ContainerId.IsStale(container.Id))
            {
                continue;
            }

            await runtime.DeleteAsync(container.Id).ConfigureAwait(false);
            reaped.Add(container.Id);
        }

        var remaining = (await runtime.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToHashSet();
        var stuck = reaped.Where(remaining.Contains).ToList();
        if (stuck.Count > 0)
        {
            throw new KilnException(ErrorCodes.RuntimeFailed, $"could not delete stale containers: {string.Join(", ", stuck)}");
        }

        RemoveStaleDirectories(runtime.Options.BundlesRoot);
        RemoveStaleDirectories(runtime.Options.MemoryRoot);
        return reaped;
    }

    private static void RemoveStaleDirectories(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            if (ContainerId.IsStale(Path.GetFileName(directory)))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
