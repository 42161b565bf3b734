using System.Text.Json;

namespace Kiln.Graph;

/// <summary>One step of a file op, applied to the filesystem the previous steps produced.</summary>
internal abstract record FileAction
{
    public abstract string Kind { get; }

    /// <summary>The input the action reads besides the filesystem it changes, or -1.</summary>
    public virtual int SourceInput => -1;

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("action", Kind);
        WriteFields(writer);
        writer.WriteEndObject();
    }

    protected abstract void WriteFields(Utf8JsonWriter writer);
}
