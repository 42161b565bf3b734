using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses the name/value instructions: ARG (several names, optional defaults), ENV and LABEL.</summary>
internal static class KeyValueParsers
{
    /// <summary>ARG, unlike the other instructions, never looks at flags: BuildKit ignores them.</summary>
    public static Instruction? ParseArg(InstructionContext c)
    {
        if (!c.AtLeastOne())
        {
            return null;
        }

        var args = ImmutableArray.CreateBuilder<ArgDeclaration>();
        foreach (var word in c.Node.Args)
        {
            var eq = word.Text.IndexOf('=', StringComparison.Ordinal);
            if (eq == 0)
            {
                c.Error(ErrorCodes.DockerfileBlankName, "ARG names can not be blank", word);
                return null;
            }

            if (eq < 0)
            {
                args.Add(new ArgDeclaration(word, null));
                continue;
            }

            var start = word.Span.Start;
            args.Add(new ArgDeclaration(
                new Parsing.Word(word.Text[..eq], word.Span with { End = start with { Column = start.Column + eq } }),
                new Parsing.Word(word.Text[(eq + 1)..], word.Span with { Start = start with { Column = start.Column + eq + 1 } })));
        }

        return new ArgInstruction(c.Node, args.ToImmutable());
    }

    public static Instruction? ParseEnv(InstructionContext c) =>
        Pairs(c) is { } pairs ? new EnvInstruction(c.Node, pairs) : null;

    public static Instruction? ParseLabel(InstructionContext c) =>
        Pairs(c) is { } pairs ? new LabelInstruction(c.Node, pairs) : null;

    private static ImmutableArray<KeyValue>? Pairs(InstructionContext c)
    {
        c.Flags();
        if (!c.AtLeastOne())
        {
            return null;
        }

        var args = c.Node.Args;
        var pairs = ImmutableArray.CreateBuilder<KeyValue>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].Text.Length == 0)
            {
                c.Error(ErrorCodes.DockerfileBlankName, $"{c.Node.Keyword.ToUpperInvariant()} names can not be blank", args[i]);
                return null;
            }

            pairs.Add(new KeyValue(args[i], args[i + 1], c.Node.LegacyKeyValue));
        }

        return pairs.ToImmutable();
    }
}
