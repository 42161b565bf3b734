using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;
using Kiln.Oci;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Parses COPY and ADD: sources, destination and their flags.</summary>
internal static class FileCopyParser
{
    public static Instruction? ParseCopy(InstructionContext c)
    {
        var flags = c.Flags(Declared(c, ("from", FlagKind.String)));
        if (!HasDestination(c))
        {
            return null;
        }

        var from = flags.Word("from") is { Text.Length: > 0 } f ? f : null;
        return new CopyInstruction(c.Node, Sources(c), c.Node.Args[^1], Options(c, flags), from) { Flags = flags.All };
    }

    public static Instruction? ParseAdd(InstructionContext c)
    {
        var flags = c.Flags(Declared(c, ("checksum", FlagKind.String), ("keep-git-dir", FlagKind.Bool)));
        if (!HasDestination(c))
        {
            return null;
        }

        var checksum = flags.Word("checksum") is { Text.Length: > 0 } w ? w : null;
        if (checksum is not null && !checksum.Text.Contains('$', StringComparison.Ordinal) && !Digest.TryParse(checksum.Text, out _))
        {
            c.DeferredError(ErrorCodes.DockerfileInvalidChecksum, $"invalid checksum digest \"{checksum.Text}\"", checksum);
        }

        if (checksum is not null)
        {
            foreach (var source in Sources(c))
            {
                if (!source.Text.Contains('$', StringComparison.Ordinal)
                    && !source.Text.StartsWith("http://", StringComparison.Ordinal)
                    && !source.Text.StartsWith("https://", StringComparison.Ordinal))
                {
                    c.DeferredError(ErrorCodes.DockerfileInvalidChecksum, "checksum can't be specified for non-HTTP sources", source);
                }
            }
        }

        return new AddInstruction(c.Node, Sources(c), c.Node.Args[^1], Options(c, flags), checksum, flags.IsTrue("keep-git-dir"))
        {
            Flags = flags.All,
        };
    }

    private static (string, FlagKind)[] Declared(InstructionContext c, params (string, FlagKind)[] extra)
    {
        var list = new List<(string, FlagKind)> { ("chown", FlagKind.String), ("chmod", FlagKind.String), ("link", FlagKind.Bool) };
        list.AddRange(extra);
        if (c.Options.Labs)
        {
            list.Add(("parents", FlagKind.Bool));
            list.Add(("exclude", FlagKind.Strings));
        }

        return [.. list];
    }

    private static bool HasDestination(InstructionContext c)
    {
        if (c.Node.Args.Length >= 2)
        {
            return true;
        }

        var name = c.Node.Keyword.ToUpperInvariant();
        c.Error(
            ErrorCodes.DockerfileCopyNeedsDestination,
            $"{name} requires at least two arguments, but only one was provided. Destination could not be determined");
        return false;
    }

    private static ImmutableArray<Word> Sources(InstructionContext c) => c.Node.Args[..^1];

    private static CopyOptions Options(InstructionContext c, FlagSet flags) =>
        new(
            flags.Word("chown") is { Text.Length: > 0 } chown ? chown : null,
            flags.Word("chmod") is { Text.Length: > 0 } chmod ? chmod : null,
            flags.IsTrue("link"),
            flags.IsTrue("parents"),
            [.. flags.GetAll("exclude").Select(f => f.ValueWord)])
        {
            IsJson = c.Node.IsJson,
        };
}
