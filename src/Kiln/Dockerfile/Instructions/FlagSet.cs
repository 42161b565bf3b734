using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>
/// Checks an instruction's flags against the flags it declares: unknown names, duplicates, missing values
/// and bad booleans become diagnostics on the flag's span; valid flags are kept in order.
/// </summary>
internal sealed class FlagSet
{
    private readonly (string Name, FlagKind Kind)[] _declared;
    private readonly List<InstructionFlag> _parsed = [];

    public FlagSet(IEnumerable<Word> flags, List<Diagnostic> diagnostics, params (string Name, FlagKind Kind)[] declared)
    {
        _declared = declared;
        if (!flags.Any())
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in flags)
        {
            var body = word.Text.StartsWith("--", StringComparison.Ordinal) ? word.Text[2..] : word.Text;
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? body : body[..eq];
            string? value = eq < 0 ? null : body[(eq + 1)..];
            var index = Array.FindIndex(_declared, d => d.Name == name);
            if (index < 0)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileUnknownFlag, $"unknown flag: {name}", word.Span));
                continue;
            }

            var kind = _declared[index].Kind;
            if (!seen.Add(name) && kind != FlagKind.Strings)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileDuplicateFlag, $"duplicate flag specified: {name}", word.Span));
                continue;
            }

            if (kind == FlagKind.Bool)
            {
                var lower = value?.ToLowerInvariant();
                if (value is "")
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileFlagMissingValue, $"missing a value on flag: {name}", word.Span));
                    continue;
                }

                if (lower is not (null or "true" or "false"))
                {
                    diagnostics.Add(Diagnostic.Error(
                        ErrorCodes.DockerfileFlagInvalidBool, $"expecting boolean value for flag {name}, not: {value}", word.Span));
                    continue;
                }
            }
            else if (value is null)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DockerfileFlagMissingValue, $"missing a value on flag: {name}", word.Span));
                continue;
            }

            _parsed.Add(new InstructionFlag(name, value, word));
        }
    }

    public ImmutableArray<InstructionFlag> All => [.. _parsed];

    public InstructionFlag? Get(string name) => _parsed.LastOrDefault(f => f.Name == name);

    public ImmutableArray<InstructionFlag> GetAll(string name) => [.. _parsed.Where(f => f.Name == name)];

    /// <summary>The flag's value as a raw word, or null when the flag was not given.</summary>
    public Word? Word(string name) => Get(name) is { } f ? f.ValueWord : null;

    /// <summary>True for <c>--x</c> and <c>--x=true</c> (any casing).</summary>
    public bool IsTrue(string name) => Get(name) is { } f && (f.Value is null || f.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
