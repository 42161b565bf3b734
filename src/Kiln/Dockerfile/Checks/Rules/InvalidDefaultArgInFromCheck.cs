using Kiln.Dockerfile.Shell;
using Kiln.Oci;

namespace Kiln.Dockerfile.Checks.Rules;

/// <summary>
/// InvalidDefaultArgInFrom: with no <c>--build-arg</c> at all, the ARG defaults make a FROM image name empty
/// or invalid (e.g. <c>ARG TAG</c> then <c>FROM alpine:${TAG}</c>). An expansion error stops the check.
/// </summary>
internal sealed class InvalidDefaultArgInFromCheck : ICheck
{
    public CheckRule Rule => CheckRules.InvalidDefaultArgInFrom;

    public CheckPhase Phase => CheckPhase.Stages;

    public void Run(CheckContext context)
    {
        var defaults = context.DeclareMetaArgs(GlobalArgScope.Create(context.Platform));
        foreach (var stage in context.Stages.Stages)
        {
            var result = context.Lexer.Process(stage.From.Image.Text, defaults.Variables);
            if (!result.Succeeded)
            {
                return;
            }

            if (!Reference.TryParse(result.Value, out _, out _))
            {
                context.Report(Rule, $"Default value for ARG {stage.From.Image.Text} results in empty or invalid base image name", stage.Span);
            }
        }
    }
}
