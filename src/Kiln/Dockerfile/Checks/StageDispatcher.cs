using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// Walks the checked stages in file order as BuildKit's dispatcher does, without building anything, recording
/// for each instruction the state it runs in (variables, declared ARGs, SHELL, WORKDIR) plus the words it expands.
/// </summary>
/// <remarks>
/// A stage FROM an earlier stage inherits that stage's state; a stage FROM an image starts from the image's
/// Env when <see cref="CheckOptions.BaseImageEnv"/> knows it, and from PATH alone otherwise. ENV expands all
/// its keys and values against the state before the instruction; ARG expands each default after the names
/// before it in the same instruction are declared.
/// </remarks>
internal static class StageDispatcher
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private sealed record StageState(ArgScope Scope, ImmutableHashSet<string> Declared, bool ShellSet, bool WorkdirSet);

    public static ImmutableArray<DispatchStep> Run(CheckContext context)
    {
        var steps = ImmutableArray.CreateBuilder<DispatchStep>();
        var finals = new Dictionary<int, StageState>();
        foreach (var stage in context.DispatchedStages)
        {
            var state = Start(context, stage, finals);
            foreach (var trigger in Triggers(context, stage))
            {
                state = Dispatch(context, stage, trigger, state, steps, stage.Span);
            }

            foreach (var instruction in stage.Commands)
            {
                state = Dispatch(context, stage, instruction, state, steps, instruction.Span);
            }

            finals[stage.Index] = state;
        }

        return steps.ToImmutable();
    }

    /// <summary>The earlier stage a stage is built FROM (its expanded image names it), or null for an image.</summary>
    public static Stage? BaseStage(CheckContext context, Stage stage)
    {
        var image = context.Lexer.Process(stage.From.Image.Text, context.GlobalScope.Variables).Value;
        Stage? found = null;
        for (var i = 0; i < stage.Index; i++)
        {
            if (context.Stages.Stages[i].Name is { } name && name == image)
            {
                found = context.Stages.Stages[i];
            }
        }

        return found;
    }

    private static StageState Start(CheckContext context, Stage stage, Dictionary<int, StageState> finals)
    {
        if (BaseStage(context, stage) is { } parent && finals.TryGetValue(parent.Index, out var inherited))
        {
            return inherited with { Scope = ArgScope.ForStage(inherited.Scope) };
        }

        var image = context.Lexer.Process(stage.From.Image.Text, context.GlobalScope.Variables).Value;
        var env = new List<string>(context.Options.BaseImageEnv?.Invoke(image) ?? []);
        if (!env.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal)))
        {
            env.Add("PATH=" + DefaultPath);
        }

        return new StageState(ArgScope.ForImage(context.GlobalScope, env), [], false, false);
    }

    /// <summary>
    /// The ONBUILD triggers of the stage this one is built from, which run first; BuildKit sets them up only for
    /// the stages the target (the last stage when none is given) needs.
    /// </summary>
    private static IEnumerable<Instruction> Triggers(CheckContext context, Stage stage)
    {
        if (BaseStage(context, stage) is not { } parent || !context.Document.Reachable.Contains(stage.Index))
        {
            return [];
        }

        var options = context.Options.Parser ?? InstructionParserOptions.Default;
        var ignored = new List<Kiln.Diagnostics.Diagnostic>();
        return parent.Commands.OfType<OnbuildInstruction>().Select(o => o.ParseTrigger(options, ignored)).OfType<Instruction>().ToList();
    }

    private static StageState Dispatch(
        CheckContext context, Stage stage, Instruction instruction, StageState state, ImmutableArray<DispatchStep>.Builder steps, SourceSpan span)
    {
        var words = ImmutableArray.CreateBuilder<ExpandedWord>();
        var next = state;
        switch (instruction)
        {
            case ArgInstruction arg:
                next = DispatchArg(context, arg, state, words);
                break;
            case EnvInstruction env:
                var scope = state.Scope;
                foreach (var pair in env.Pairs)
                {
                    var key = Expand(context, pair.Key, state, words);
                    var value = Expand(context, pair.Value, state, words);
                    scope = scope.SetEnv(key, value);
                }

                next = state with { Scope = scope };
                break;
            case WorkdirInstruction workdir:
                Expand(context, workdir.Path, state, words);
                next = state with { WorkdirSet = true };
                break;
            case ShellInstruction:
                next = state with { ShellSet = true };
                break;
            default:
                foreach (var word in ExpandedWords(instruction))
                {
                    Expand(context, word, state, words);
                }

                break;
        }

        steps.Add(new DispatchStep(stage, instruction, state.Scope, state.Declared, state.ShellSet, state.WorkdirSet, words.ToImmutable()) { Span = span });
        return next;
    }

    private static StageState DispatchArg(CheckContext context, ArgInstruction arg, StageState state, ImmutableArray<ExpandedWord>.Builder words)
    {
        var scope = state.Scope;
        var declared = state.Declared;
        foreach (var declaration in arg.Args)
        {
            var name = declaration.Name.Text;
            string? value = null;
            if (declaration.Default is { } raw && !context.GlobalScope.BuildArgs.ContainsKey(name))
            {
                var result = context.Lexer.Process(raw.Text, scope.Variables);
                words.Add(new ExpandedWord(raw, result, declared));
                value = result.Value;
            }

            scope = scope.DeclareArg(name, value);
            declared = declared.Add(name);
        }

        return state with { Scope = scope, Declared = declared };
    }

    private static string Expand(CheckContext context, Word word, StageState state, ImmutableArray<ExpandedWord>.Builder words)
    {
        var result = context.Lexer.Process(word.Text, state.Scope.Variables);
        words.Add(new ExpandedWord(word, result, state.Declared));
        return result.Value;
    }

    /// <summary>The words BuildKit expands (and checks for undefined variables) for the other instructions.</summary>
    private static IEnumerable<Word> ExpandedWords(Instruction instruction) => instruction switch
    {
        LabelInstruction label => label.Pairs.SelectMany(p => new[] { p.Key, p.Value }),
        CopyInstruction copy => Optional(copy.Options.Chown, copy.Options.Chmod).Concat(ContextSources(copy.Node, copy.Sources)).Append(copy.Destination),
        AddInstruction add => Optional(add.Options.Chown, add.Options.Chmod, add.Checksum).Concat(ContextSources(add.Node, add.Sources)).Append(add.Destination),
        UserInstruction user => [user.User],
        VolumeInstruction volume => volume.Paths,
        StopSignalInstruction signal => [signal.Signal],
        _ => [],
    };

    /// <summary>COPY/ADD sources without the here-document openers (<c>&lt;&lt;EOF</c>).</summary>
    public static IEnumerable<Word> ContextSources(Node node, ImmutableArray<Word> sources) =>
        node.Heredocs.IsDefaultOrEmpty
            ? sources
            : sources.Where(s => !s.Text.StartsWith("<<", StringComparison.Ordinal));

    private static IEnumerable<Word> Optional(params Word?[] words) => words.OfType<Word>();
}
