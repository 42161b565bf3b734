using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Export.Assembly;

/// <summary>
/// Lines history entries up with layers and fills their times the way BuildKit's image exporter does: surplus
/// non-empty entries become empty from the bottom, missing ones are appended from the layers, every entry gets a
/// created time, and SOURCE_DATE_EPOCH clamps every entry after the base image's own history.
/// </summary>
internal static class HistoryNormalizer
{
    /// <summary>What BuildKit writes for a layer no history entry describes.</summary>
    public const string MissingCreatedBy = "created by buildkit";

    public const string MissingComment = "buildkit.exporter.image.v0";

    /// <param name="history">The converter's history.</param>
    /// <param name="layerCreated">When each layer's snapshot was created, base layer first (one per layer).</param>
    /// <param name="baseHistory">The base image's history (kept as is under an epoch while it matches), or empty.</param>
    /// <param name="epoch">SOURCE_DATE_EPOCH, or null.</param>
    public static ImmutableArray<HistoryEntry> Normalize(
        ImmutableArray<HistoryEntry> history, IReadOnlyList<DateTimeOffset> layerCreated, ImmutableArray<HistoryEntry> baseHistory, DateTimeOffset? epoch)
    {
        ArgumentNullException.ThrowIfNull(layerCreated);
        var entries = (history.IsDefault ? [] : history).ToList();
        var layers = layerCreated.Count;
        var described = entries.Count(h => !h.EmptyLayer);
        if (described > layers)
        {
            var seen = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                if (seen >= layers)
                {
                    entries[i] = entries[i] with { EmptyLayer = true };
                }

                seen += entries[i].EmptyLayer ? 0 : 1;
            }
        }
        else
        {
            for (var i = described; i < layers; i++)
            {
                entries.Add(new HistoryEntry { Created = OciTimestamp.FromDateTimeOffset(layerCreated[i]), CreatedBy = MissingCreatedBy, Comment = MissingComment });
            }
        }

        var layerIndex = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (!entries[i].EmptyLayer)
            {
                if (entries[i].Created is null)
                {
                    entries[i] = entries[i] with { Created = OciTimestamp.FromDateTimeOffset(layerCreated[layerIndex]) };
                }

                layerIndex++;
            }
        }

        FillMissingTimes(entries);
        if (epoch is { } clamp)
        {
            ClampToEpoch(entries, baseHistory.IsDefault ? [] : baseHistory, clamp);
        }

        return [.. entries];
    }

    /// <summary>
    /// An entry without a time takes the first time found after a gap (so a leading metadata entry does not take a base
    /// layer's time), then the time of the entry before it.
    /// </summary>
    private static void FillMissingTimes(List<HistoryEntry> entries)
    {
        OciTimestamp? created = null;
        var gap = false;
        foreach (var entry in entries)
        {
            if (entry.Created is { } time)
            {
                created = time;
                if (gap)
                {
                    break;
                }
            }
            else
            {
                gap = true;
            }
        }

        gap = false;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Created is { } time)
            {
                if (gap)
                {
                    created = time;
                }
            }
            else
            {
                gap = true;
                entries[i] = entries[i] with { Created = created };
            }
        }
    }

    private static void ClampToEpoch(List<HistoryEntry> entries, ImmutableArray<HistoryEntry> baseHistory, DateTimeOffset epoch)
    {
        var diverged = false;
        var clamped = OciTimestamp.FromDateTimeOffset(epoch);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!diverged && i < baseHistory.Length && entries[i] == baseHistory[i])
            {
                continue;
            }

            diverged = true;
            if (entries[i].Created is not { } time || time.Value > epoch)
            {
                entries[i] = entries[i] with { Created = clamped };
            }
        }
    }
}
