using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Conversion;

/// <summary>Parses an ONBUILD trigger stored in a base image's config back into a typed instruction.</summary>
internal static class TriggerParser
{
    public static (Instruction? Instruction, ImmutableArray<Diagnostic> Errors) Parse(string text, string file)
    {
        var parse = DockerfileParser.Parse(text + "\n", file);
        var errors = new List<Diagnostic>(parse.Diagnostics.Where(d => d.IsError));
        if (parse.Nodes.Length != 1)
        {
            return (null, [.. errors]);
        }

        var instruction = InstructionParser.ParseNode(parse.Nodes[0], InstructionParserOptions.Default, errors);
        return (instruction, [.. errors.Where(d => d.IsError)]);
    }
}
