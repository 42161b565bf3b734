namespace Kiln.Graph;

/// <summary>Whether a RUN step runs confined or with all capabilities (RUN --security).</summary>
internal enum SecurityMode
{
    Sandbox,
    Insecure,
}
