using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Stages;
using Kiln.Oci;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// The errors BuildKit's check call stops on after the rules ran: a FROM image or platform that expands to
/// nothing, fails to expand or does not parse (for every stage, reachable or not), and a word of a checked
/// stage that fails to expand.
/// </summary>
internal static class StageErrors
{
    public static IEnumerable<Diagnostic> Find(CheckContext context)
    {
        foreach (var stage in context.Stages.Stages)
        {
            if (BaseNameError(context, stage) is { } baseError)
            {
                yield return baseError;
            }

            if (stage.From.Platform is { } platform && PlatformError(context, stage, platform) is { } platformError)
            {
                yield return platformError;
            }
        }

        foreach (var step in context.Steps)
        {
            foreach (var word in step.Words)
            {
                if (word.Result.Error is { } error)
                {
                    yield return error.ToDiagnostic(word.Source.Span);
                }
            }
        }
    }

    private static Diagnostic? BaseNameError(CheckContext context, Stage stage)
    {
        var image = stage.From.Image;
        var result = context.Lexer.Process(image.Text, context.GlobalScope.Variables);
        if (result.Error is { } error)
        {
            return error.ToDiagnostic(image.Span);
        }

        if (result.Value.Length == 0)
        {
            return Diagnostic.Error(ErrorCodes.CheckInvalidBaseName, $"base name ({image.Text}) should not be blank", stage.Span);
        }

        var isStage = StageDispatcher.BaseStage(context, stage) is not null;
        return isStage || Reference.TryParse(result.Value, out _, out _)
            ? null
            : Diagnostic.Error(ErrorCodes.CheckInvalidBaseName, $"failed to parse stage name \"{result.Value}\": invalid reference format", stage.Span);
    }

    private static Diagnostic? PlatformError(CheckContext context, Stage stage, Word platform)
    {
        var result = context.Lexer.Process(platform.Text, context.GlobalScope.Variables);
        if (result.Error is { } error)
        {
            return error.ToDiagnostic(platform.Span);
        }

        if (result.Value.Length == 0)
        {
            return Diagnostic.Error(ErrorCodes.CheckInvalidPlatform, $"empty platform value from expression {platform.Text}", stage.Span);
        }

        try
        {
            Platform.ParseSpecifier(result.Value, context.Platform.Build);
            return null;
        }
        catch (KilnException)
        {
            return Diagnostic.Error(ErrorCodes.CheckInvalidPlatform, $"failed to parse platform {platform.Text}", stage.Span);
        }
    }
}
