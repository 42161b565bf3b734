using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>What one instruction parser works with: the node, the options and where diagnostics go.</summary>
internal sealed class InstructionContext(Node node, InstructionParserOptions options, List<Diagnostic> diagnostics)
{
    public Node Node { get; } = node;

    public InstructionParserOptions Options { get; } = options;

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    public List<Diagnostic> Deferred { get; } = [];

    /// <summary>How many diagnostics exist so far; compare before and after a check to see if it reported any.</summary>
    public int DiagnosticCount => Diagnostics.Count;

    public FlagSet Flags(params (string Name, FlagKind Kind)[] declared) => new(Node.Flags, Diagnostics, declared);

    public void Error(ErrorCode code, string message, Word? at = null) =>
        Diagnostics.Add(Diagnostic.Error(code, message, at?.Span ?? Node.Span));

    public void DeferredError(ErrorCode code, string message, Word? at = null) =>
        Deferred.Add(Diagnostic.Error(code, message, at?.Span ?? Node.Span));

    /// <summary>Reports "X requires at least one argument" and returns false when there are no arguments.</summary>
    public bool AtLeastOne()
    {
        if (Node.Args.Length > 0)
        {
            return true;
        }

        Error(ErrorCodes.DockerfileMissingArguments, $"{Node.Keyword.ToUpperInvariant()} requires at least one argument");
        return false;
    }

    /// <summary>Reports "X requires exactly one argument" and returns false unless there is exactly one.</summary>
    public bool ExactlyOne()
    {
        if (Node.Args.Length == 1)
        {
            return true;
        }

        Error(ErrorCodes.DockerfileExactlyOneArgument, $"{Node.Keyword.ToUpperInvariant()} requires exactly one argument");
        return false;
    }
}
