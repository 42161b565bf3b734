namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// RedundantTargetPlatform: <c>FROM --platform=$TARGETPLATFORM</c> (the only variable in the value, and the
/// value is exactly the target platform), which is what FROM does anyway.
/// </summary>
internal sealed class RedundantTargetPlatformCheck : ICheck
{
    private const string TargetPlatform = "TARGETPLATFORM";

    public CheckRule Rule => CheckRules.RedundantTargetPlatform;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        var variables = context.GlobalScope.Variables;
        foreach (var stage in context.Stages.Stages)
        {
            if (stage.From.Platform is not { } platform)
            {
                continue;
            }

            var result = context.Lexer.Process(platform.Text, variables);
            if (result.Matched is [TargetPlatform] && result.Unmatched.IsEmpty
                && variables.TryGetValue(TargetPlatform, out var target) && result.Value == target)
            {
                context.Report(Rule, $"Setting platform to predefined {platform.Text} in FROM is redundant as this is the default behavior", stage.Span);
            }
        }
    }
}
