using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Exec.Mounts;

/// <summary>
/// One <c>--ssh</c> value as buildx parses it: <c>id[=path[,path...]]</c>. No paths means the agent in
/// <c>$SSH_AUTH_SOCK</c>; an id-less value is <c>default</c>.
/// </summary>
internal sealed record SshSource(string Id, ImmutableArray<string> Paths)
{
    public static SshSource Parse(string value, SourceSpan? span = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new KilnException(ErrorCodes.InvalidSshSpec, "invalid ssh value: empty", span);
        }

        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var id = equals < 0 ? value : value[..equals];
        var paths = equals < 0
            ? ImmutableArray<string>.Empty
            : value[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
        return new SshSource(id.Length == 0 ? SshMount.DefaultId : id, paths);
    }
}
