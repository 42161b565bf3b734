using Kiln.Dockerfile.Instructions;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// InvalidDefinitionDescription (experimental): the comment right above a named FROM or an ARG does not start
/// with the stage or ARG name, so <c>--call=outline</c> would not take it as a description. Only the last
/// comment line of the block directly above counts; a blank line or a bare <c>#</c> ends the block.
/// </summary>
internal sealed class InvalidDefinitionDescriptionCheck : ICheck
{
    public CheckRule Rule => CheckRules.InvalidDefinitionDescription;

    public CheckPhase Phase => CheckPhase.Parse;

    public void Run(CheckContext context)
    {
        var lines = context.Parse.Text.Split('\n');
        foreach (var instruction in context.ParsedInstructions)
        {
            var (name, keys) = instruction switch
            {
                FromInstruction { StageNameWord: { } stage } => ("FROM", new[] { stage.Text.ToLowerInvariant() }),
                ArgInstruction arg => ("ARG", arg.Args.Select(a => a.Name.Text).ToArray()),
                _ => ("", []),
            };
            if (keys.Length == 0 || CommentAbove(lines, instruction.Span.Start.Line) is not { } comment)
            {
                continue;
            }

            if (!keys.Contains(comment.Split(' ')[0], StringComparer.Ordinal))
            {
                var example = keys.Length > 1 ? "<arg_key>" : keys[0];
                context.Report(Rule, $"Comment for {name} should follow the format: `# {example} <description>`", instruction.Span);
            }
        }
    }

    /// <summary>The comment text on the line directly above <paramref name="line"/>, or null when there is none.</summary>
    private static string? CommentAbove(string[] lines, int line)
    {
        if (line < 2)
        {
            return null;
        }

        var text = lines[line - 2].TrimEnd('\r').Trim();
        if (!text.StartsWith('#'))
        {
            return null;
        }

        var comment = text[1..].Trim();
        return comment.Length == 0 ? null : comment;
    }
}
