namespace Kiln.IntegrationTests.Registry;

/// <summary>One injected failure; <see cref="Headers"/> go with a status fault (Retry-After, WWW-Authenticate).</summary>
internal sealed record Fault(FaultKind Kind, int Status = 503)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public static Fault WithStatus(int status, params (string Name, string Value)[] headers) => new(FaultKind.Status, status) { Headers = headers };

    public static readonly Fault Drop = new(FaultKind.Drop);
    public static readonly Fault Truncate = new(FaultKind.Truncate);
    public static readonly Fault Corrupt = new(FaultKind.CorruptBody);
}
