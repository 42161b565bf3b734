using System.Text.Json;
using Kiln.Oci;

namespace Kiln.Graph;

/// <summary>A source op that yields one file downloaded from a URL, optionally verified against a checksum.</summary>
internal sealed record HttpSourceOp(Uri Url) : Op
{
    public Digest? Checksum { get; init; }

    /// <summary>The file name in the result; defaults to the last URL path segment.</summary>
    public string? Filename { get; init; }

    public int? Mode { get; init; }

    public FileOwner? Owner { get; init; }

    public override string Kind => "source.http";

    public override IEnumerable<int> ReferencedInputs => [];

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("url", Url.AbsoluteUri);
        writer.WriteNullableString("checksum", Checksum?.ToString());
        writer.WriteNullableString("filename", Filename);
        writer.WriteNullableNumber("mode", Mode);
        writer.WriteOwner("owner", Owner);
    }
}
