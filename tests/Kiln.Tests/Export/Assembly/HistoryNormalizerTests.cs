using System.Collections.Immutable;
using Kiln.Export.Assembly;
using Kiln.Oci;

namespace Kiln.Tests.Export.Assembly;

public sealed class HistoryNormalizerTests
{
    private static readonly DateTimeOffset T1 = DateTimeOffset.FromUnixTimeSeconds(1_000);
    private static readonly DateTimeOffset T2 = DateTimeOffset.FromUnixTimeSeconds(2_000);
    private static readonly DateTimeOffset T3 = DateTimeOffset.FromUnixTimeSeconds(3_000);

    [Fact]
    public void MissingEntriesAreAppendedFromTheLayers()
    {
        var history = ImmutableArray.Create(Entry("FROM", T1, empty: false));

        var result = HistoryNormalizer.Normalize(history, [T1, T2, T3], [], null);

        Assert.Equal(3, result.Length);
        Assert.All(result.Skip(1), h => Assert.Equal((HistoryNormalizer.MissingCreatedBy, HistoryNormalizer.MissingComment, false), (h.CreatedBy, h.Comment, h.EmptyLayer)));
        Assert.Equal([T1, T2, T3], result.Select(h => h.Created!.Value.Value));
    }

    [Fact]
    public void SurplusLayerEntriesBecomeEmptyFromTheBottom()
    {
        var history = ImmutableArray.Create(Entry("a", T1, false), Entry("ENV", T1, true), Entry("b", T2, false), Entry("c", T3, false));

        var result = HistoryNormalizer.Normalize(history, [T1, T2], [], null);

        Assert.Equal([false, true, false, true], result.Select(h => h.EmptyLayer));
    }

    [Fact]
    public void LayerEntriesWithoutTimeTakeTheirLayersTimeAndEmptyOnesTheNextFound()
    {
        var history = ImmutableArray.Create(Entry("ENV", null, true), Entry("RUN", null, false), Entry("LABEL", null, true));

        var result = HistoryNormalizer.Normalize(history, [T2], [], null);

        Assert.Equal([T2, T2, T2], result.Select(h => h.Created!.Value.Value));
    }

    [Fact]
    public void EpochClampsEntriesAfterTheBaseHistoryOnly()
    {
        var epoch = DateTimeOffset.FromUnixTimeSeconds(1_500);
        var baseEntry = Entry("base", T2, false);
        var history = ImmutableArray.Create(baseEntry, Entry("RUN", T3, false), Entry("old", T1, true));

        var result = HistoryNormalizer.Normalize(history, [T2, T3], [baseEntry], epoch);

        Assert.Equal([T2, epoch, T1], result.Select(h => h.Created!.Value.Value));
    }

    private static HistoryEntry Entry(string createdBy, DateTimeOffset? created, bool empty) => new()
    {
        CreatedBy = createdBy,
        Created = created is { } c ? OciTimestamp.FromDateTimeOffset(c) : null,
        EmptyLayer = empty,
    };
}
