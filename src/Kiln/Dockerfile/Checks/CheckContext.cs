using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// What the rules of one check run share: the loaded Dockerfile, the options, the global ARG scope, the
/// dispatch walk (computed once, on first use) and the list findings go to, filtered by the check config.
/// </summary>
internal sealed class CheckContext
{
    private readonly List<CheckWarning> _warnings = [];
    private ImmutableArray<DispatchStep>? _steps;

    public CheckContext(DockerfileDocument document, CheckOptions options, CheckConfig config)
    {
        Document = document;
        Options = options;
        Config = config;
        Lexer = new ShellLexer(document.Parse.EscapeToken);
        var build = options.BuildPlatform ?? Kiln.Oci.Platform.Current;
        Platform = PlatformArgs.Create(build, options.TargetPlatform);
        GlobalScope = DeclareMetaArgs(GlobalArgScope.Create(Platform, options.BuildArgs));
        var firstError = document.Diagnostics.Where(d => d.IsError && d.Span is not null).Select(d => d.Span!.Start.Line).DefaultIfEmpty(int.MaxValue).Min();
        FirstErrorLine = document.HasErrors ? firstError : int.MaxValue;
        DispatchedStages = options.Target is null || document.Target is null
            ? document.Stages.Stages
            : [.. document.Reachable.Order().Select(i => document.Stages.Stages[i])];
    }

    public DockerfileDocument Document { get; }

    public ParseResult Parse => Document.Parse;

    public StageList Stages => Document.Stages;

    public CheckOptions Options { get; }

    public CheckConfig Config { get; }

    public ShellLexer Lexer { get; }

    public PlatformArgs Platform { get; }

    /// <summary>Platform ARGs, build args and the ARGs before the first FROM: what FROM lines expand against.</summary>
    public GlobalArgScope GlobalScope { get; }

    /// <summary>The line of the first error; instructions from there on count as not parsed (BuildKit stops there).</summary>
    public int FirstErrorLine { get; }

    /// <summary>The instructions BuildKit parsed before its first error, in file order.</summary>
    public IEnumerable<Instruction> ParsedInstructions => Document.Instructions.Where(i => i.Span.Start.Line < FirstErrorLine);

    /// <summary>All stages without a target, else the stages the target needs, in file order.</summary>
    public ImmutableArray<Stage> DispatchedStages { get; }

    public ImmutableArray<DispatchStep> Steps => _steps ??= StageDispatcher.Run(this);

    public IReadOnlyList<CheckWarning> Warnings => _warnings;

    /// <summary>Records a finding unless the check config turns its rule off.</summary>
    public void Report(CheckRule rule, string message, SourceSpan span)
    {
        if (Config.IsEnabled(rule))
        {
            _warnings.Add(new CheckWarning(rule, message, span));
        }
    }

    /// <summary>Declares the ARGs before the first FROM in order, as FROM lines see them.</summary>
    public GlobalArgScope DeclareMetaArgs(GlobalArgScope scope)
    {
        foreach (var arg in Stages.MetaArgs)
        {
            foreach (var declaration in arg.Args)
            {
                scope = scope.Declare(declaration.Name.Text, declaration.Default?.Text, Lexer).Scope;
            }
        }

        return scope;
    }
}
