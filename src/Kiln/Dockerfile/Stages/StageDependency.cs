using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Stages;

/// <summary>
/// One reference from a stage: to another stage (TargetStage set), to an external image (Image set), or not yet
/// resolvable because it needs expansion (both null).
/// </summary>
internal sealed record StageDependency(int Stage, StageReferenceKind Kind, Word Reference, int? TargetStage, string? Image);
