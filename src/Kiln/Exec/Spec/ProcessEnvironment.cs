using System.Collections.Immutable;
using Kiln.Exec.Users;

namespace Kiln.Exec.Spec;

/// <summary>Completes a RUN step's environment: PATH when the image sets none, HOME from passwd when unset.</summary>
internal static class ProcessEnvironment
{
    /// <summary>The PATH BuildKit gives a Linux process whose image sets none.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static ImmutableArray<string> Complete(IEnumerable<string> env, ExecUser user)
    {
        var result = env.ToImmutableArray();
        if (!result.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal)))
        {
            result = result.Insert(0, "PATH=" + DefaultPath);
        }

        if (!result.Any(e => e.StartsWith("HOME=", StringComparison.Ordinal)))
        {
            result = result.Add("HOME=" + user.Home);
        }

        return result;
    }
}
