namespace Kiln.Graph;

/// <summary>One output of a vertex, used as the input of another vertex or as a build target.</summary>
internal readonly record struct Edge(Vertex Vertex, int Output = 0)
{
    public static implicit operator Edge(Vertex vertex) => new(vertex);
}
