using System.Text.RegularExpressions;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses FROM: one or three arguments, the optional stage name, and --platform.</summary>
internal static partial class FromParser
{
    public static Instruction? Parse(InstructionContext c)
    {
        var flags = c.Flags(("platform", FlagKind.String));
        var args = c.Node.Args;
        var isAlias = args.Length == 3 && args[1].Text.Equals("as", StringComparison.OrdinalIgnoreCase);
        if (args.Length != 1 && !isAlias)
        {
            c.Error(ErrorCodes.DockerfileFromArguments, "FROM requires either one or three arguments");
            return null;
        }

        string? name = null;
        if (isAlias)
        {
            name = args[2].Text.ToLowerInvariant();
            if (!StageNameRegex().IsMatch(name))
            {
                c.Error(
                    ErrorCodes.DockerfileInvalidStageName,
                    $"invalid name for build stage: \"{args[2].Text}\", name can't start with a number or contain symbols",
                    args[2]);
                return null;
            }

            // A stage name is also looked up as a named build context, so it must be a valid image name.
            if (!Reference.TryParse(name, out _, out var error))
            {
                c.Error(ErrorCodes.DockerfileInvalidStageName, $"invalid context name {name}: {error}", args[2]);
                return null;
            }
        }

        return new FromInstruction(c.Node, args[0], flags.Word("platform"), name, isAlias ? args[2] : null, isAlias ? args[1] : null)
        {
            Flags = flags.All,
        };
    }

    [GeneratedRegex(@"^[a-z][a-z0-9\-_\.]*$")]
    private static partial Regex StageNameRegex();
}
