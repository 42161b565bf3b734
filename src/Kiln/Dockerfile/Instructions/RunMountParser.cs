using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>
/// Parses a RUN --mount value (<c>type=cache,target=/x,sharing=locked</c>) into a <see cref="RunMount"/> with
/// BuildKit's rules. Without an expander, values containing '$' are kept raw and checked later.
/// </summary>
internal static class RunMountParser
{
    public static RunMount? Parse(Word raw, Func<string, string>? expand, List<Diagnostic> errors)
    {
        var fields = CsvFields.Split(raw.Text, out var csvError);
        if (fields is null)
        {
            return Fail($"failed to parse csv mounts: {csvError}");
        }

        var m = new RunMount(raw, MountType.Bind);
        var roAuto = true;
        foreach (var field in fields)
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? field : field[..eq]).ToLowerInvariant();
            if (eq < 0)
            {
                switch (key)
                {
                    case "readonly" or "ro":
                        m = m with { ReadOnly = true };
                        roAuto = false;
                        continue;
                    case "readwrite" or "rw":
                        m = m with { ReadOnly = false };
                        roAuto = false;
                        continue;
                    case "required" when m.Type is MountType.Secret or MountType.Ssh:
                        m = m with { Required = true };
                        continue;
                    case "required":
                        return Fail($"unexpected key '{key}' for mount type '{Name(m.Type)}'");
                    default:
                        return Fail($"invalid field '{field}' must be a key=value pair");
                }
            }

            var value = field[(eq + 1)..];
            if (expand is not null)
            {
                value = expand(value);
            }
            else if (key == "from" && value.IndexOf('$', StringComparison.Ordinal) is var at && at >= 0 && at < value.Length - 1)
            {
                return Fail($"'{key}' doesn't support variable expansion, define alias stage instead");
            }
            else if (value.Contains('$', StringComparison.Ordinal))
            {
                m = m with { NeedsExpansion = true };
                continue;
            }

            var error = Apply(ref m, key, field, value, ref roAuto);
            if (error is not null)
            {
                return Fail(error);
            }
        }

        if (m.Type is not (MountType.Secret or MountType.Ssh or MountType.Cache))
        {
            var bad = m.Mode is not null ? "mode" : m.Uid is not null ? "uid" : m.Gid is not null ? "gid" : null;
            if (bad is not null)
            {
                return Fail($"{bad} not allowed for \"{Name(m.Type)}\" type mounts");
            }
        }

        if (roAuto)
        {
            m = m with { ReadOnly = m.Type is not (MountType.Cache or MountType.Tmpfs) };
        }

        if (m.Sharing is not null && m.Type != MountType.Cache)
        {
            return Fail($"invalid cache sharing set for {Name(m.Type)} mount");
        }

        if (m.Type == MountType.Secret && !m.NeedsExpansion)
        {
            if (m.From is not null)
            {
                return Fail("secret mount should not have a from");
            }

            if (m.Source is null && m.Target is null && m.Id is null)
            {
                return Fail("invalid secret mount. one of source, target required");
            }

            if (m.Source is not null && m.Id is not null)
            {
                return Fail("both source and id can't be set");
            }
        }

        if (!m.NeedsExpansion && string.IsNullOrEmpty(m.Target) && m.Type is not (MountType.Secret or MountType.Ssh))
        {
            return Fail("invalid mount target \"/\"");
        }

        return m;

        RunMount? Fail(string message)
        {
            errors.Add(Diagnostic.Error(ErrorCodes.DockerfileInvalidMount, message, raw.Span));
            return null;
        }
    }

    private static string? Apply(ref RunMount m, string key, string field, string value, ref bool roAuto)
    {
        switch (key)
        {
            case "type":
                if (!Enum.TryParse<MountType>(value, ignoreCase: true, out var type) || !Enum.IsDefined(type) || value.Any(char.IsDigit))
                {
                    return $"unsupported mount type \"{value}\"";
                }

                m = m with { Type = type };
                return null;
            case "from":
                m = m with { From = value };
                return null;
            case "source" or "src":
                m = m with { Source = value };
                return null;
            case "target" or "dst" or "destination" or "dest":
                m = m with { Target = value };
                return null;
            case "readonly" or "ro" or "readwrite" or "rw":
                if (!TryParseGoBool(value, out var flag))
                {
                    return $"invalid value for {key}: {value}";
                }

                m = m with { ReadOnly = key is "readonly" or "ro" ? flag : !flag };
                roAuto = false;
                return null;
            case "required" when m.Type is MountType.Secret or MountType.Ssh:
                if (!TryParseGoBool(value, out var required))
                {
                    return $"invalid value for {key}: {value}";
                }

                m = m with { Required = required };
                return null;
            case "size" when m.Type == MountType.Tmpfs:
                if (!ByteSize.TryParseRam(value, out var size))
                {
                    return $"invalid value for {key}: {value}";
                }

                m = m with { SizeBytes = size };
                return null;
            case "required" or "size":
                return $"unexpected key '{key}' for mount type '{Name(m.Type)}'";
            case "id":
                m = m with { Id = value };
                return null;
            case "sharing":
                if (!Enum.TryParse<CacheSharing>(value, ignoreCase: true, out var sharing) || !Enum.IsDefined(sharing) || value.Any(char.IsDigit))
                {
                    return $"unsupported sharing value \"{value}\"";
                }

                m = m with { Sharing = sharing };
                return null;
            case "mode":
                if (!TryParseUInt(value, 8, out var mode))
                {
                    return $"invalid value {value} for mode";
                }

                m = m with { Mode = mode };
                return null;
            case "uid" or "gid":
                if (!TryParseUInt(value, 10, out var id))
                {
                    return $"invalid value {value} for {key}";
                }

                m = key == "uid" ? m with { Uid = id } : m with { Gid = id };
                return null;
            default:
                return $"unexpected key '{key}' in '{field}'";
        }
    }

    public static string Name(MountType type) => type.ToString().ToLowerInvariant();

    /// <summary>Go's strconv.ParseBool.</summary>
    public static bool TryParseGoBool(string s, out bool value)
    {
        switch (s)
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryParseUInt(string s, int radix, out uint value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        ulong acc = 0;
        foreach (var c in s)
        {
            var d = c - '0';
            if (d < 0 || d >= radix)
            {
                return false;
            }

            acc = (acc * (ulong)radix) + (ulong)d;
            if (acc > uint.MaxValue)
            {
                return false;
            }
        }

        value = (uint)acc;
        return true;
    }
}
