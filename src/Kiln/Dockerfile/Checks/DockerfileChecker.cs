using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Checks.Rules;
using Kiln.Dockerfile.Stages;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// Runs BuildKit's build checks (the Dockerfile linter) over one Dockerfile: parses it, applies the check
/// config from <c># check=</c> or <c>BUILDKIT_DOCKERFILE_CHECK</c>, and runs every rule from one table.
/// </summary>
/// <remarks>
/// Like BuildKit, a Dockerfile with errors still gets the parse-time rules for the instructions before the
/// first error; the stage and dispatch rules need an error-free file. Without a target every stage is
/// checked; with one, the dispatch rules see only the stages it needs.
/// </remarks>
internal static class DockerfileChecker
{
    /// <summary>Every rule, in the order BuildKit evaluates them.</summary>
    public static ImmutableArray<ICheck> Table { get; } =
    [
        new NoEmptyContinuationCheck(),
        new MaintainerDeprecatedCheck(),
        new StageNameCasingCheck(),
        new FromAsCasingCheck(),
        new InvalidDefinitionDescriptionCheck(),
        new ReservedStageNameCheck(),
        new DuplicateStageNameCheck(),
        new ConsistentInstructionCasingCheck(),
        new InvalidDefaultArgInFromCheck(),
        new UndefinedArgInFromCheck(),
        new RedundantTargetPlatformCheck(),
        new FromPlatformFlagConstDisallowedCheck(),
        new UndefinedVarCheck(),
        new LegacyKeyValueFormatCheck(),
        new SecretsUsedInArgOrEnvCheck(),
        new WorkdirRelativePathCheck(),
        new CopyIgnoredFileCheck(),
        new JSONArgsRecommendedCheck(),
        new MultipleInstructionsDisallowedCheck(),
    ];

    public static CheckResult Check(string text, string file = "Dockerfile", CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var document = DockerfileDocument.Load(text, file, options.Target, options.Parser);
        var errors = new List<Diagnostic>(document.Diagnostics.Where(d => d.IsError));
        if (options.Target is null)
        {
            var reachable = document.Reachable.ToHashSet();
            errors.AddRange(document.Stages.Stages.Where(s => !reachable.Contains(s.Index)).SelectMany(s => s.Commands).SelectMany(c => c.DeferredErrors));
        }

        var config = ReadConfig(document, options, out var configError);
        if (config is null)
        {
            return new CheckResult(document, CheckConfig.Default, [], [configError!, .. errors]);
        }

        var context = new CheckContext(document, options, config);
        foreach (var check in Table)
        {
            if (config.IsEnabled(check.Rule) && (check.Phase == CheckPhase.Parse || !document.HasErrors))
            {
                check.Run(context);
            }
        }

        if (!document.HasErrors)
        {
            errors.AddRange(StageErrors.Find(context));
        }

        var warnings = context.Warnings
            .Select((w, i) => (w, i))
            .OrderBy(x => x.w.Span.Start.Line)
            .ThenBy(x => x.i)
            .Select(x => x.w)
            .ToImmutableArray();
        if (config.Error && !warnings.IsEmpty)
        {
            var rules = string.Join(", ", warnings.Select(w => w.RuleName).Distinct().Order(StringComparer.Ordinal));
            errors.Add(Diagnostic.Error(ErrorCodes.CheckViolation, $"lint violation found for rules: {rules}"));
        }

        var ordered = errors.OrderBy(d => d.Span?.Start.Line ?? int.MaxValue);
        return new CheckResult(document, config, warnings, [.. ordered]);
    }

    /// <summary>The config from the build argument when given (even empty), else from the check directive.</summary>
    private static CheckConfig? ReadConfig(DockerfileDocument document, CheckOptions options, out Diagnostic? error)
    {
        if (options.BuildArgs.TryGetValue(CheckConfig.BuildArgName, out var fromArg))
        {
            return CheckConfig.Parse(fromArg, null, out error);
        }

        var directive = document.Parse.Directives.FirstOrDefault(d => d.Name == "check");
        return CheckConfig.Parse(directive?.Value, directive?.Span, out error);
    }
}
