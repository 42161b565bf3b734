using System.Collections.Immutable;
using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Exec.Spec;

namespace Kiln.Exec.Mounts;

/// <summary>Turns a step's <see cref="RunMount"/>s into runtime mounts, holding caches, secrets and agent proxies for the run.</summary>
internal static class MountPreparer
{
    public static async Task<PreparedMounts> PrepareAsync(
        ImmutableArray<RunMount> mounts, MountContext context, SourceSpan? span, CancellationToken cancellationToken)
    {
        var prepared = new PreparedMounts();
        try
        {
            var sshCount = 0;
            for (var index = 0; index < mounts.Length; index++)
            {
                var target = mounts[index].Target;
                if (target is not null && !target.StartsWith('/'))
                {
                    throw new KilnException(ErrorCodes.InvalidMount, $"mount target {target} must be an absolute path", span);
                }

                switch (mounts[index])
                {
                    case CacheMount cache:
                        var lease = await context.Caches.AcquireAsync(cache, cancellationToken).ConfigureAwait(false);
                        prepared.Hold(lease);
                        prepared.Mounts.Add(RuntimeMount.Bind(lease.Directory, cache.Path, cache.ReadOnly));
                        break;
                    case SecretMount secret:
                        await AddSecretAsync(prepared, secret, context, index, span, cancellationToken).ConfigureAwait(false);
                        break;
                    case SshMount ssh:
                        AddSsh(prepared, ssh, context, sshCount++, span);
                        break;
                    case BindMount bind:
                        AddBind(prepared, bind, context, index, span);
                        break;
                    case TmpfsMount tmpfs:
                        ImmutableArray<string> options = tmpfs.SizeBytes > 0
                            ? ["nosuid", "nodev", "mode=1777", "size=" + tmpfs.SizeBytes.ToString(CultureInfo.InvariantCulture)]
                            : ["nosuid", "nodev", "mode=1777"];
                        prepared.Mounts.Add(new RuntimeMount(tmpfs.Path, "tmpfs", "tmpfs", options));
                        break;
                    default:
                        throw new KilnException(ErrorCodes.NotSupported, $"unsupported mount {mounts[index].GetType().Name}", span);
                }
            }

            return prepared;
        }
        catch
        {
            await prepared.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task AddSecretAsync(
        PreparedMounts prepared, SecretMount secret, MountContext context, int index, SourceSpan? span, CancellationToken cancellationToken)
    {
        var bytes = await context.Secrets.TryGetAsync(secret.Id, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            if (secret.Required)
            {
                throw new KilnException(ErrorCodes.SecretNotFound, $"secret {secret.Id} not found", span);
            }

            return;
        }

        if (!string.IsNullOrEmpty(secret.Env))
        {
            prepared.Env.Add(secret.Env + "=" + System.Text.Encoding.UTF8.GetString(bytes));
        }

        if (secret.Target is null)
        {
            return;
        }

        var file = Path.Combine(MemoryDirectory(context, "secrets"), index.ToString(CultureInfo.InvariantCulture));
        await using (var stream = new FileStream(file, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        }))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        Native.SetMode(file, secret.Mode);
        Native.Chown(file, secret.Uid, secret.Gid);
        prepared.Mounts.Add(RuntimeMount.Bind(file, secret.Target));
    }

    private static void AddSsh(PreparedMounts prepared, SshMount ssh, MountContext context, int sshIndex, SourceSpan? span)
    {
        if (!context.SshAgents.TryGetSocket(ssh.Id, out var agent))
        {
            if (ssh.Required)
            {
                throw new KilnException(
                    ErrorCodes.SshAgentNotFound,
                    $"no ssh forwarded from the client for id {ssh.Id}: pass --ssh {ssh.Id}=$SSH_AUTH_SOCK",
                    span);
            }

            return;
        }

        var socket = Path.Combine(MemoryDirectory(context, "ssh"), sshIndex.ToString(CultureInfo.InvariantCulture) + ".sock");
        prepared.Hold(SshAgentProxy.Start(agent, socket, ssh.Mode, ssh.Uid, ssh.Gid));
        var target = ssh.Path;
        if (string.IsNullOrEmpty(target))
        {
            target = "/run/buildkit/ssh_agent." + sshIndex.ToString(CultureInfo.InvariantCulture);
            if (!prepared.Env.Any(e => e.StartsWith("SSH_AUTH_SOCK=", StringComparison.Ordinal)))
            {
                prepared.Env.Add("SSH_AUTH_SOCK=" + target);
            }
        }

        prepared.Mounts.Add(RuntimeMount.Bind(socket, target, readOnly: false));
    }

    private static void AddBind(PreparedMounts prepared, BindMount bind, MountContext context, int index, SourceSpan? span)
    {
        if (!Directory.Exists(bind.Source) && !File.Exists(bind.Source))
        {
            throw new KilnException(ErrorCodes.InvalidMount, $"bind mount source {bind.Source} does not exist", span);
        }

        if (!bind.ReadWrite || bind.KeepWrites)
        {
            prepared.Mounts.Add(RuntimeMount.Bind(bind.Source, bind.Path, readOnly: !bind.ReadWrite));
            return;
        }

        // Writes go to a throwaway upper directory in the run's scratch space: the source is never changed.
        var scratch = Path.Combine(context.ScratchDirectory, "binds", index.ToString(CultureInfo.InvariantCulture));
        if (File.Exists(bind.Source))
        {
            Directory.CreateDirectory(scratch);
            var copy = Path.Combine(scratch, "file");
            File.Copy(bind.Source, copy);
            prepared.Mounts.Add(RuntimeMount.Bind(copy, bind.Path, readOnly: false));
            return;
        }

        var upper = Directory.CreateDirectory(Path.Combine(scratch, "upper")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(scratch, "work")).FullName;
        prepared.Mounts.Add(new RuntimeMount(
            bind.Path,
            "overlay",
            "overlay",
            ["lowerdir=" + Path.GetFullPath(bind.Source), "upperdir=" + upper, "workdir=" + work]));
    }

    private static string MemoryDirectory(MountContext context, string kind) =>
        Directory.CreateDirectory(Path.Combine(context.MemoryDirectory, kind)).FullName;
}
