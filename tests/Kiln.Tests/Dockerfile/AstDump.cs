using System.Globalization;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Stages;

namespace Kiln.Tests.Dockerfile;

/// <summary>Writes a loaded Dockerfile as stable text for golden files: nodes, typed instructions, stages, diagnostics.</summary>
internal static class AstDump
{
    public static string Write(DockerfileDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("escape ").Append(doc.Parse.EscapeToken).Append('\n');
        foreach (var d in doc.Parse.Directives)
        {
            sb.Append("directive ").Append(d.Name).Append('=').Append(Quote(d.Value)).Append(' ').Append(Span(d.Span)).Append('\n');
        }

        foreach (var node in doc.Parse.Nodes)
        {
            WriteNode(sb, node, "");
        }

        foreach (var instruction in doc.Instructions)
        {
            sb.Append("typed ").Append(Span(instruction.Span)).Append(' ').Append(Describe(instruction)).Append('\n');
        }

        foreach (var arg in doc.Stages.MetaArgs)
        {
            sb.Append("meta-arg ").Append(string.Join(' ', arg.Args.Select(a => a.Name.Text))).Append('\n');
        }

        foreach (var stage in doc.Stages.Stages)
        {
            sb.Append("stage ").Append(stage.Index).Append(' ').Append(stage.DisplayName).Append(" commands=").Append(stage.Commands.Length).Append('\n');
        }

        foreach (var dep in doc.Graph.Dependencies)
        {
            sb.Append("dep ").Append(dep.Stage).Append(' ').Append(dep.Kind).Append(' ').Append(Quote(dep.Reference.Text)).Append(" -> ")
                .Append(dep.TargetStage is { } t ? "stage " + t.ToString(CultureInfo.InvariantCulture) : dep.Image ?? "(unresolved)").Append('\n');
        }

        sb.Append("target ").Append(doc.Target?.DisplayName ?? "(none)").Append(" reachable=").Append(string.Join(',', doc.Reachable)).Append('\n');
        foreach (var d in doc.Diagnostics)
        {
            sb.Append("diag ").Append(d.Severity.ToString().ToLowerInvariant()).Append(' ').Append(d.Code).Append(' ')
                .Append(d.Span is null ? "-" : Span(d.Span)).Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, Node node, string indent)
    {
        sb.Append(indent).Append("node ").Append(node.Keyword).Append(' ').Append(Span(node.Span));
        if (node.IsJson)
        {
            sb.Append(" json");
        }

        if (node.LegacyKeyValue)
        {
            sb.Append(" legacy");
        }

        if (node.HasError)
        {
            sb.Append(" error");
        }

        sb.Append('\n');
        foreach (var f in node.Flags)
        {
            sb.Append(indent).Append("  flag ").Append(Quote(f.Text)).Append(' ').Append(Span(f.Span)).Append('\n');
        }

        foreach (var a in node.Args)
        {
            sb.Append(indent).Append("  arg ").Append(Quote(a.Text)).Append(' ').Append(Span(a.Span)).Append('\n');
        }

        foreach (var h in node.Heredocs)
        {
            sb.Append(indent).Append("  heredoc ").Append(Quote(h.Name)).Append(h.Expand ? " expand" : " raw").Append(h.Chomp ? " chomp" : "")
                .Append(" fd=").Append(h.FileDescriptor).Append(' ').Append(Span(h.Span)).Append(" content=").Append(Quote(h.Content)).Append('\n');
        }

        if (node.Trigger is { } trigger)
        {
            WriteNode(sb, trigger, indent + "  ");
        }
    }

    private static string Describe(Instruction instruction) => instruction switch
    {
        FromInstruction f => $"FROM image={Quote(f.Image.Text)} platform={Opt(f.Platform)} name={f.StageName ?? "-"}",
        RunInstruction r => $"RUN {Cmd(r.Command)} mounts=[{string.Join("; ", r.Mounts.Select(Mount))}] network={Opt(r.Network)} security={Opt(r.Security)}",
        CopyInstruction c => $"COPY src=[{Words(c.Sources)}] dst={Quote(c.Destination.Text)} from={Opt(c.From)} {Files(c.Options)}",
        AddInstruction a => $"ADD src=[{Words(a.Sources)}] dst={Quote(a.Destination.Text)} checksum={Opt(a.Checksum)} keep-git-dir={a.KeepGitDir} {Files(a.Options)}",
        ArgInstruction a => "ARG " + string.Join(' ', a.Args.Select(x => x.Default is null ? x.Name.Text : $"{x.Name.Text}={Quote(x.Default.Text)}")),
        EnvInstruction e => "ENV " + Pairs(e.Pairs),
        LabelInstruction l => "LABEL " + Pairs(l.Pairs),
        ExposeInstruction e => $"EXPOSE [{Words(e.Ports)}]",
        VolumeInstruction v => $"VOLUME [{Words(v.Paths)}]",
        UserInstruction u => "USER " + Quote(u.User.Text),
        WorkdirInstruction w => "WORKDIR " + Quote(w.Path.Text),
        MaintainerInstruction m => "MAINTAINER " + Quote(m.Maintainer.Text),
        StopSignalInstruction s => "STOPSIGNAL " + Quote(s.Signal.Text),
        CmdInstruction c => "CMD " + Cmd(c.Command),
        EntrypointInstruction e => "ENTRYPOINT " + Cmd(e.Command),
        ShellInstruction s => $"SHELL [{Words(s.Shell)}]",
        HealthcheckInstruction h => $"HEALTHCHECK test=[{string.Join(", ", h.Test.Select(Quote))}] interval={h.Interval} timeout={h.Timeout} start-period={h.StartPeriod} start-interval={h.StartInterval} retries={h.Retries}",
        OnbuildInstruction o => "ONBUILD " + Quote(o.Expression),
        _ => instruction.Name,
    };

    private static string Mount(RunMount m) =>
        $"{m.Type} target={m.Target ?? "-"} source={m.Source ?? "-"} from={m.From ?? "-"} id={m.Id ?? "-"} ro={m.ReadOnly} sharing={m.Sharing?.ToString() ?? "-"} required={m.Required} mode={m.Mode?.ToString(CultureInfo.InvariantCulture) ?? "-"} uid={m.Uid?.ToString(CultureInfo.InvariantCulture) ?? "-"} gid={m.Gid?.ToString(CultureInfo.InvariantCulture) ?? "-"} size={m.SizeBytes?.ToString(CultureInfo.InvariantCulture) ?? "-"} deferred={m.NeedsExpansion}";

    private static string Files(CopyOptions o) =>
        $"chown={Opt(o.Chown)} chmod={Opt(o.Chmod)} link={o.Link} parents={o.Parents} exclude=[{Words(o.Excludes)}] json={o.IsJson}";

    private static string Cmd(CommandLine c) => (c.IsJson ? "exec" : "shell") + "[" + Words(c.Args) + "]";

    private static string Pairs(IEnumerable<KeyValue> pairs) => string.Join(' ', pairs.Select(p => $"{Quote(p.Key.Text)}={Quote(p.Value.Text)}"));

    private static string Words(IEnumerable<Word> words) => string.Join(", ", words.Select(w => Quote(w.Text)));

    private static string Opt(Word? w) => w is null ? "-" : Quote(w.Text);

    private static string Span(SourceSpan s) => $"{s.Start.Line}:{s.Start.Column}-{s.End.Line}:{s.End.Column}";

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
