namespace Kiln.Progress;

/// <summary>Something a build reports while it runs; renderers turn a stream of these into plain or JSON output.</summary>
internal abstract record ProgressEvent(DateTimeOffset Time);
