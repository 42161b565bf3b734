namespace Kiln.Dockerfile.Stages;

/// <summary>Where a stage refers to another stage or image.</summary>
internal enum StageReferenceKind
{
    /// <summary>FROM &lt;stage or image&gt;.</summary>
    Base,

    /// <summary>COPY --from=&lt;stage, index or image&gt;.</summary>
    CopyFrom,

    /// <summary>RUN --mount=...,from=&lt;stage or image&gt;.</summary>
    MountFrom,
}
