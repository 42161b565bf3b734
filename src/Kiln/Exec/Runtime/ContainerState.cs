namespace Kiln.Exec.Runtime;

/// <summary>One row of <c>runc list --format json</c>.</summary>
internal sealed record ContainerState(string Id, int Pid, string Status, string Bundle);
