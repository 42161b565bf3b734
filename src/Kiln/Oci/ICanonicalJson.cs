using System.Text.Json;

namespace Kiln.Oci;

/// <summary>A model that writes itself as canonical JSON: compact, with its fields in one fixed order.</summary>
internal interface ICanonicalJson
{
    void WriteTo(Utf8JsonWriter writer);
}
