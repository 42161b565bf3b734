using System.Collections.Immutable;
using Kiln.Dockerfile.Instructions;
using Kiln.Graph;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// RUN: an exec op on the stage's filesystem with its env, cwd, user; shell form runs in the SHELL, here-documents
/// become the script; the history records the stage's ARGs like BuildKit (<c>RUN |1 X=1 /bin/sh -c ...</c>).
/// </summary>
internal sealed class RunConverter : InstructionConverter<RunInstruction>
{
    public override bool IsStep => true;

    protected override void Convert(RunInstruction instruction, StageState stage, ConversionContext context)
    {
        var inputs = new List<Edge>();
        if (stage.State is not null)
        {
            inputs.Add(stage.State);
        }

        var script = ShebangScript(instruction, stage, context, inputs);
        var command = script?.Command ?? HeredocCommand(instruction) ?? instruction.Command;
        var args = CommandArgs.Resolve(command, stage.Config);
        var root = new ExecMount("/") { Input = stage.State is null ? -1 : 0, Output = 0 };
        var mounts = RunMountConverter.Convert(instruction, stage, context, inputs);
        if (script is { } s)
        {
            mounts = mounts.Add(s.Mount);
        }

        var op = new ExecOp(args, [root, .. mounts])
        {
            Env = stage.ExecEnv(),
            Cwd = stage.WorkingDir,
            User = string.IsNullOrEmpty(stage.Config.User) ? null : stage.Config.User,
            Network = Network(context.ExpandOptional(stage, instruction.Network) ?? context.Request.DefaultNetwork),
            Security = context.ExpandOptional(stage, instruction.Security) == "insecure" ? SecurityMode.Insecure : SecurityMode.Sandbox,
            Platform = stage.Platform,
        };
        stage.State = context.Add(op, [.. inputs], stage.Metadata(StepText.Of(instruction), instruction.Span));
        stage.Commit("RUN " + HistoryText(args, stage), withLayer: true, fromGraph: true);
    }

    /// <summary>
    /// A single here-document starting with "#!" becomes an executable file mounted at /dev/pipes/ and run there.
    /// </summary>
    private static (CommandLine Command, ExecMount Mount)? ShebangScript(
        RunInstruction instruction, StageState stage, ConversionContext context, List<Edge> inputs)
    {
        if (instruction.Heredocs.Length != 1 || instruction.Command.IsJson || instruction.Command.Args.Length != 1
            || !instruction.Heredocs[0].Content.StartsWith("#!", StringComparison.Ordinal)
            || !instruction.Command.Args[0].Text.Trim().StartsWith("<<", StringComparison.Ordinal))
        {
            return null;
        }

        var heredoc = instruction.Heredocs[0];
        var file = context.Add(
            new FileOp(-1, [new MkfileAction("/" + heredoc.Name, Paths.Mode755, [.. System.Text.Encoding.UTF8.GetBytes(heredoc.EffectiveContent())])]),
            [],
            new VertexMetadata { Stage = stage.Stage.DisplayName, Source = heredoc.Span });
        inputs.Add(file);
        var mount = new ExecMount("/dev/pipes/") { Input = inputs.Count - 1, Selector = "/", ReadOnly = true };
        return (new CommandLine([instruction.Command.Args[0] with { Text = "/dev/pipes/" + heredoc.Name }], IsJson: false), mount);
    }

    /// <summary>The shell form <c>RUN &lt;&lt;EOF</c> runs the here-document's body as the script, like BuildKit.</summary>
    private static CommandLine? HeredocCommand(RunInstruction instruction)
    {
        if (instruction.Heredocs.IsEmpty || instruction.Command.IsJson || instruction.Command.Args.Length != 1)
        {
            return null;
        }

        var line = instruction.Command.Args[0];
        var first = instruction.Heredocs[0];
        var text = line.Text.Trim();
        if (instruction.Heredocs.Length == 1 && (text == "<<" + first.Name || text == "<<-" + first.Name
            || text.StartsWith("<<", StringComparison.Ordinal) && text.Trim('<', '-', '"', '\'') == first.Name)
            && !first.Content.StartsWith("#!", StringComparison.Ordinal))
        {
            return new CommandLine([line with { Text = first.EffectiveContent() }], IsJson: false);
        }

        var full = line.Text;
        foreach (var heredoc in instruction.Heredocs)
        {
            full += "\n" + heredoc.Content + heredoc.Name;
        }

        return new CommandLine([line with { Text = full }], IsJson: false);
    }

    private static NetworkMode Network(string? mode) => mode switch
    {
        "none" => NetworkMode.None,
        "host" => NetworkMode.Host,
        _ => NetworkMode.Sandbox,
    };

    /// <summary>
    /// "|n K=V ... args": every ARG declaration so far (a redeclared name twice) with the value RUN's environment has
    /// for it now (an ENV after the ARG wins, an ARG after the ENV wins), else the ARG's own value.
    /// </summary>
    private static string HistoryText(ImmutableArray<string> args, StageState stage)
    {
        var variables = stage.Scope.Variables;
        var pairs = stage.RunArgs.Select(p => p.Key + "=" + variables.GetValueOrDefault(p.Key, p.Value)).ToList();
        var prefix = pairs.Count == 0 ? "" : $"|{pairs.Count} " + string.Join(' ', pairs) + " ";
        return prefix + string.Join(' ', args);
    }
}
