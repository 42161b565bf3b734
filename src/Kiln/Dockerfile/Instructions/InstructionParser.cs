using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>
/// Step two of the frontend: parser nodes to typed instruction records, dispatched by instruction name from
/// one table. Every node is tried; every problem becomes a diagnostic.
/// </summary>
internal static class InstructionParser
{
    private static readonly Dictionary<string, Func<InstructionContext, Instruction?>> Parsers = new(StringComparer.Ordinal)
    {
        ["from"] = FromParser.Parse,
        ["run"] = RunParser.Parse,
        ["copy"] = FileCopyParser.ParseCopy,
        ["add"] = FileCopyParser.ParseAdd,
        ["arg"] = KeyValueParsers.ParseArg,
        ["env"] = KeyValueParsers.ParseEnv,
        ["label"] = KeyValueParsers.ParseLabel,
        ["cmd"] = CommandParsers.ParseCmd,
        ["entrypoint"] = CommandParsers.ParseEntrypoint,
        ["shell"] = CommandParsers.ParseShell,
        ["healthcheck"] = HealthcheckParser.Parse,
        ["user"] = SimpleParsers.ParseUser,
        ["workdir"] = SimpleParsers.ParseWorkdir,
        ["maintainer"] = SimpleParsers.ParseMaintainer,
        ["stopsignal"] = SimpleParsers.ParseStopSignal,
        ["expose"] = SimpleParsers.ParseExpose,
        ["volume"] = SimpleParsers.ParseVolume,
        ["onbuild"] = SimpleParsers.ParseOnbuild,
    };

    /// <summary>The instruction names BuildKit knows, upper-case.</summary>
    public static IEnumerable<string> KnownNames => Parsers.Keys.Select(k => k.ToUpperInvariant());

    /// <summary>Parses one node; returns null (with diagnostics) when it is invalid.</summary>
    public static Instruction? ParseNode(Node node, InstructionParserOptions options, List<Diagnostic> diagnostics)
    {
        if (!Parsers.TryGetValue(node.Name, out var parse))
        {
            var suggestion = Suggest(node.Keyword);
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.DockerfileUnknownInstruction,
                $"unknown instruction: {node.Keyword}" + (suggestion is null ? "" : $" (did you mean {suggestion}?)"),
                node.KeywordSpan));
            return null;
        }

        if (node.HasError)
        {
            return null;
        }

        var context = new InstructionContext(node, options, diagnostics);
        var instruction = parse(context);
        return instruction is null || context.Deferred.Count == 0 || !instruction.DeferredErrors.IsEmpty
            ? instruction
            : instruction with { DeferredErrors = [.. context.Deferred] };
    }

    /// <summary>Parses every node in order.</summary>
    public static (ImmutableArray<Instruction> Instructions, ImmutableArray<Diagnostic> Diagnostics) Parse(
        ParseResult parse, InstructionParserOptions? options = null)
    {
        var diagnostics = new List<Diagnostic>();
        var list = ImmutableArray.CreateBuilder<Instruction>();
        foreach (var node in parse.Nodes)
        {
            if (ParseNode(node, options ?? InstructionParserOptions.Default, diagnostics) is { } instruction)
            {
                list.Add(instruction);
            }
        }

        return (list.ToImmutable(), [.. diagnostics]);
    }

    /// <summary>The closest known instruction name within edit distance 2 (BuildKit's "did you mean").</summary>
    private static string? Suggest(string keyword)
    {
        var upper = keyword.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in KnownNames.Order(StringComparer.Ordinal))
        {
            var d = EditDistance(upper, name);
            if (d < bestDistance)
            {
                (best, bestDistance) = (name, d);
            }
        }

        return bestDistance <= Math.Max(2, upper.Length / 3) && bestDistance > 0 ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
