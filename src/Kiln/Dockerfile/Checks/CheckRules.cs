using System.Collections.Immutable;

namespace Kiln.Dockerfile.Checks;

/// <summary>The catalogue of build-check rules with BuildKit's names and descriptions (dockerfile frontend 1.8+).</summary>
internal static class CheckRules
{
    public static readonly CheckRule StageNameCasing = new("StageNameCasing", "Stage names should be lowercase");

    public static readonly CheckRule FromAsCasing = new("FromAsCasing", "The 'as' keyword should match the case of the 'from' keyword");

    public static readonly CheckRule NoEmptyContinuation = new("NoEmptyContinuation", "Empty continuation lines will become errors in a future release");

    public static readonly CheckRule ConsistentInstructionCasing = new(
        "ConsistentInstructionCasing", "All commands within the Dockerfile should use the same casing (either upper or lower)");

    public static readonly CheckRule DuplicateStageName = new("DuplicateStageName", "Stage names should be unique");

    public static readonly CheckRule ReservedStageName = new("ReservedStageName", "Reserved words should not be used as stage names");

    public static readonly CheckRule JSONArgsRecommended = new(
        "JSONArgsRecommended", "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals");

    public static readonly CheckRule MaintainerDeprecated = new(
        "MaintainerDeprecated", "The MAINTAINER instruction is deprecated, use a label instead to define an image author");

    public static readonly CheckRule UndefinedArgInFrom = new("UndefinedArgInFrom", "FROM command must use declared ARGs");

    public static readonly CheckRule WorkdirRelativePath = new(
        "WorkdirRelativePath",
        "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes");

    public static readonly CheckRule UndefinedVar = new("UndefinedVar", "Variables should be defined before their use");

    public static readonly CheckRule MultipleInstructionsDisallowed = new(
        "MultipleInstructionsDisallowed", "Multiple instructions of the same type should not be used in the same stage");

    public static readonly CheckRule LegacyKeyValueFormat = new(
        "LegacyKeyValueFormat", "Legacy key/value format with whitespace separator should not be used");

    public static readonly CheckRule RedundantTargetPlatform = new(
        "RedundantTargetPlatform", "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior");

    public static readonly CheckRule SecretsUsedInArgOrEnv = new(
        "SecretsUsedInArgOrEnv", "Sensitive data should not be used in the ARG or ENV commands");

    public static readonly CheckRule InvalidDefaultArgInFrom = new(
        "InvalidDefaultArgInFrom", "Default value for global ARG results in an empty or invalid base image name");

    public static readonly CheckRule FromPlatformFlagConstDisallowed = new(
        "FromPlatformFlagConstDisallowed", "FROM --platform flag should not use a constant value");

    public static readonly CheckRule CopyIgnoredFile = new(
        "CopyIgnoredFile", "Attempting to Copy file that is excluded by .dockerignore", Experimental: true);

    public static readonly CheckRule InvalidDefinitionDescription = new(
        "InvalidDefinitionDescription",
        "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
        Experimental: true);

    public static ImmutableArray<CheckRule> All { get; } =
    [
        StageNameCasing, FromAsCasing, NoEmptyContinuation, ConsistentInstructionCasing, DuplicateStageName,
        ReservedStageName, JSONArgsRecommended, MaintainerDeprecated, UndefinedArgInFrom, WorkdirRelativePath,
        UndefinedVar, MultipleInstructionsDisallowed, LegacyKeyValueFormat, RedundantTargetPlatform,
        SecretsUsedInArgOrEnv, InvalidDefaultArgInFrom, FromPlatformFlagConstDisallowed, CopyIgnoredFile,
        InvalidDefinitionDescription,
    ];

    public static CheckRule? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
