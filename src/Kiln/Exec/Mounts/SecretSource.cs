using Kiln.Diagnostics;

namespace Kiln.Exec.Mounts;

/// <summary>
/// One <c>--secret</c> value, parsed as buildx does: CSV fields <c>id=</c>, <c>src=</c>/<c>source=</c>,
/// <c>env=</c> and <c>type=file|env</c> (keys case-insensitive). With <c>type=env</c> and no <c>env=</c>, the
/// <c>src</c> value names the variable. A source with neither file nor variable is resolved by <see cref="SecretStore"/>.
/// </summary>
internal sealed record SecretSource(string Id, string? FilePath, string? EnvName)
{
    public static SecretSource Parse(string value, SourceSpan? span = null) =>
        TryParse(value, out var source, out var error)
            ? source
            : throw new KilnException(ErrorCodes.InvalidSecretSpec, $"invalid secret \"{value}\": {error}", span);

    public static bool TryParse(string value, out SecretSource source, out string error)
    {
        source = null!;
        if (!CsvFields.TrySplit(value, out var fields, out error))
        {
            error = "failed to parse csv secret: " + error;
            return false;
        }

        string? type = null, id = null, file = null, env = null;
        foreach (var field in fields)
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                error = $"invalid field '{field}' must be a key=value pair";
                return false;
            }

            var key = field[..equals].ToLowerInvariant();
            var fieldValue = field[(equals + 1)..];
            switch (key)
            {
                case "type" when fieldValue is "file" or "env":
                    type = fieldValue;
                    break;
                case "type":
                    error = $"unsupported secret type \"{fieldValue}\"";
                    return false;
                case "id":
                    id = fieldValue;
                    break;
                case "source" or "src":
                    file = fieldValue;
                    break;
                case "env":
                    env = fieldValue;
                    break;
                default:
                    error = $"unexpected key '{key}' in '{field}'";
                    return false;
            }
        }

        if (type == "env" && string.IsNullOrEmpty(env))
        {
            env = file;
            file = null;
        }

        source = new SecretSource(id ?? "", NullIfEmpty(file), NullIfEmpty(env));
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
