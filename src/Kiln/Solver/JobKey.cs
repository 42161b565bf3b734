using Kiln.Oci;

namespace Kiln.Solver;

/// <summary>Identifies shareable work in a session: the same vertex under the same cache policy.</summary>
internal readonly record struct JobKey(Digest Vertex, string Policy, bool IgnoresCache);
