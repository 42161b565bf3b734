using System.Text.Json;
using Kiln.Oci;

namespace Kiln.Graph;

/// <summary>A source op that yields the root filesystem of an image for one platform.</summary>
internal sealed record ImageSourceOp(Reference Image, Platform? Platform = null) : Op
{
    public override string Kind => "source.image";

    public override IEnumerable<int> ReferencedInputs => [];

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("image", Image.ToString());
        writer.WritePlatform("platform", Platform);
    }
}
