using System.Collections.Immutable;
using System.Text.Json;

namespace Kiln.Graph;

/// <summary>Applies file actions in order to input <see cref="BaseInput"/> (-1: scratch), producing one filesystem.</summary>
internal sealed record FileOp(int BaseInput, ImmutableArray<FileAction> Actions) : Op
{
    public override string Kind => "file";

    public override IEnumerable<int> ReferencedInputs =>
        Actions.OrEmpty().Select(a => a.SourceInput).Append(BaseInput).Where(i => i >= 0).Distinct();

    /// <summary>
    /// A copy reads only its source paths, so an input used only as a copy source contributes those paths;
    /// the base filesystem is read whole.
    /// </summary>
    public override InputSelection? SelectionFor(int input)
    {
        if (input == BaseInput)
        {
            return null;
        }

        var paths = Actions.OrEmpty().OfType<CopyAction>().Where(c => c.FromInput == input).Select(c => c.Selector).ToImmutableArray();
        return paths.IsEmpty ? null : new InputSelection(paths);
    }

    protected override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("base", BaseInput);
        writer.WriteStartArray("actions");
        foreach (var action in Actions.OrEmpty())
        {
            action.Write(writer);
        }

        writer.WriteEndArray();
    }
}
