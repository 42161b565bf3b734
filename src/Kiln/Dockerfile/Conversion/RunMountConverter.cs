using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Graph;
using GraphMountType = Kiln.Graph.MountType;
using MountType = Kiln.Dockerfile.Instructions.MountType;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// RUN --mount to exec mounts: options are expanded with the stage's build args first (<c>id=apt-$TARGETARCH</c>);
/// bind or cache mounts <c>from=</c> a stage, image, named context add an input.
/// </summary>
internal static class RunMountConverter
{
    public static ImmutableArray<ExecMount> Convert(
        RunInstruction instruction, StageState stage, ConversionContext context, List<Edge> inputs)
    {
        var mounts = ImmutableArray.CreateBuilder<ExecMount>();
        var sshCount = 0;
        foreach (var raw in instruction.Mounts)
        {
            var mount = raw;
            if (raw.NeedsExpansion)
            {
                var errors = new List<Diagnostic>();
                mount = RunMountParser.Parse(raw.Raw, s => stage.Scope.Expand(s, context.Lexer).Value, errors);
                if (mount is null)
                {
                    foreach (var error in errors)
                    {
                        context.Error(ErrorCodes.ConvertInvalidMount, error.Summary, raw.Raw.Span);
                    }

                    continue;
                }
            }

            mounts.Add(ToExecMount(mount, stage, context, inputs, ref sshCount));
        }

        return mounts.ToImmutable();
    }

    private static ExecMount ToExecMount(RunMount mount, StageState stage, ConversionContext context, List<Edge> inputs, ref int sshCount)
    {
        var target = mount.Target is { Length: > 0 } t ? Paths.Join(stage.WorkingDir, t) : "";
        switch (mount.Type)
        {
            case MountType.Secret:
                var secretId = mount.Id ?? System.IO.Path.GetFileName(target);
                return new ExecMount(target.Length > 0 ? target : "/run/secrets/" + secretId)
                {
                    Type = GraphMountType.Secret,
                    ReadOnly = true,
                    Secret = new SecretMountOptions(secretId)
                    {
                        Optional = !mount.Required,
                        Uid = (int)(mount.Uid ?? 0),
                        Gid = (int)(mount.Gid ?? 0),
                        Mode = (int)(mount.Mode ?? 0x100),
                    },
                };
            case MountType.Ssh:
                sshCount++;
                return new ExecMount(target.Length > 0 ? target : $"/run/buildkit/ssh_agent.{sshCount - 1}")
                {
                    Type = GraphMountType.Ssh,
                    ReadOnly = true,
                    Ssh = new SshMountOptions(mount.Id ?? "default")
                    {
                        Optional = !mount.Required,
                        Uid = (int)(mount.Uid ?? 0),
                        Gid = (int)(mount.Gid ?? 0),
                        Mode = (int)(mount.Mode ?? 0x180),
                    },
                };
            case MountType.Tmpfs:
                return new ExecMount(target) { Type = GraphMountType.Tmpfs, Tmpfs = new TmpfsMountOptions(mount.SizeBytes ?? 0) };
            case MountType.Cache:
                return new ExecMount(target)
                {
                    Type = GraphMountType.Cache,
                    Input = mount.From is { Length: > 0 } ? AddInput(mount.From, stage, context, inputs, mount.Raw.Span) : -1,
                    Selector = mount.Source ?? "",
                    ReadOnly = mount.ReadOnly,
                    Cache = new CacheMountOptions(mount.Id ?? target, Sharing(mount.Sharing))
                    {
                        Mode = (int?)mount.Mode,
                        Uid = (int?)mount.Uid,
                        Gid = (int?)mount.Gid,
                    },
                };
            default:
                var input = AddInput(mount.From is { Length: > 0 } from ? from : null, stage, context, inputs, mount.Raw.Span);
                return new ExecMount(target)
                {
                    Input = input,
                    Selector = Paths.Clean(mount.Source ?? "/"),
                    ReadOnly = mount.ReadOnly,
                };
        }
    }

    private static Graph.CacheSharing Sharing(Instructions.CacheSharing? sharing) => sharing switch
    {
        Instructions.CacheSharing.Private => Graph.CacheSharing.Private,
        Instructions.CacheSharing.Locked => Graph.CacheSharing.Locked,
        _ => Graph.CacheSharing.Shared,
    };

    /// <summary>Adds the mount source (a stage, named context, image, or the build context) as an input.</summary>
    private static int AddInput(string? from, StageState stage, ConversionContext context, List<Edge> inputs, SourceSpan span)
    {
        var vertex = from is null
            ? context.LocalContext(context.Request.ContextName, [], stage)
            : SourceResolver.Resolve(from, stage, context, span);
        if (vertex is null)
        {
            return -1;
        }

        var index = inputs.FindIndex(e => e.Vertex == vertex);
        if (index >= 0)
        {
            return index;
        }

        inputs.Add(vertex);
        return inputs.Count - 1;
    }
}
