namespace Kiln.IntegrationTests.Registry;

/// <summary>One injected failure; <see cref="Headers"/> go with a status fault (Retry-After, WWW-Authenticate) or a header rewrite.</summary>
internal sealed record Fault(FaultKind Kind, int Status = 503)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>The body a status fault answers with (a synthesized registry answer).</summary>
    public byte[] Body { get; init; } = [];

    public static Fault Answer(int status, byte[] body, params (string Name, string Value)[] headers) => new(FaultKind.Status, status) { Headers = headers, Body = body };

    public static Fault WithStatus(int status, params (string Name, string Value)[] headers) => new(FaultKind.Status, status) { Headers = headers };

    public static Fault RewriteHeaders(params (string Name, string Value)[] headers) => new(FaultKind.RewriteHeaders) { Headers = headers };

    public static readonly Fault Drop = new(FaultKind.Drop);
    public static readonly Fault Truncate = new(FaultKind.Truncate);
    public static readonly Fault Corrupt = new(FaultKind.CorruptBody);
}
