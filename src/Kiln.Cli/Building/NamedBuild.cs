namespace Kiln.Cli.Building;

/// <summary>One build of an invocation: a bake target (by name) or the single build of <c>kiln build</c> (empty name).</summary>
internal sealed record NamedBuild(string Name, BuildFlags Flags);
