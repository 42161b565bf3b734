using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Parsing;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// What the converters of one target platform share: request, document, lexer, global ARG scope, converted stages,
/// plus the vertex table every platform shares so identical work is one vertex.
/// </summary>
internal sealed class ConversionContext(
    ConversionRequest request,
    DockerfileDocument document,
    ShellLexer lexer,
    GlobalArgScope global,
    Platform target,
    bool prefixPlatform,
    Dictionary<Digest, Vertex> vertices,
    List<Diagnostic> diagnostics,
    HashSet<string> usedArgs)
{
    public ConversionRequest Request { get; } = request;

    public DockerfileDocument Document { get; } = document;

    public ShellLexer Lexer { get; } = lexer;

    public GlobalArgScope Global { get; } = global;

    public Platform Target { get; } = target;

    /// <summary>True in a multi-platform build: step names start with the platform.</summary>
    public bool PrefixPlatform { get; } = prefixPlatform;

    public Dictionary<int, StageState> Stages { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Build-arg names some converted stage declared (the rest are reported unused).</summary>
    public HashSet<string> UsedArgs { get; } = usedArgs;

    public void Error(ErrorCode code, string message, SourceSpan? span) =>
        Diagnostics.Add(Diagnostic.Error(code, message, span));

    /// <summary>Expands one word against the stage's variables; on failure reports it and returns the raw text.</summary>
    public string Expand(StageState stage, Word word)
    {
        var result = stage.Scope.Expand(word.Text, Lexer);
        if (result.Succeeded)
        {
            return result.Value;
        }

        Error(ErrorCodes.ConvertExpansion, $"failed to expand \"{word.Text}\": {result.Error}", word.Span);
        return word.Text;
    }

    public string? ExpandOptional(StageState stage, Word? word) => word is null ? null : Expand(stage, word);

    /// <summary>Creates a vertex, or returns the identical one another stage or platform already created.</summary>
    public Vertex Add(Op op, ImmutableArray<Edge> inputs, VertexMetadata metadata)
    {
        var vertex = new Vertex(op, inputs, metadata);
        if (vertices.TryGetValue(vertex.Digest, out var existing))
        {
            return existing;
        }

        vertices[vertex.Digest] = vertex;
        return vertex;
    }

    /// <summary>The main build context, reading only <paramref name="include"/> (null: everything).</summary>
    public Vertex LocalContext(string name, ImmutableArray<string> include, StageState stage) =>
        Add(new LocalSourceOp(name)
        {
            IncludePatterns = include,
            FollowPaths = include,
            ExcludePatterns = name == Request.ContextName ? Request.ContextExcludes : [],
        }, [], new VertexMetadata
        {
            Name = $"[internal] load build context{(name == Request.ContextName ? "" : " " + name)}",
            Stage = stage.Stage.DisplayName,
        });

    /// <summary>The stage referenced by name or index, if it is a stage of this Dockerfile.</summary>
    public Stage? FindStage(string reference) =>
        int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < Document.Stages.Stages.Length
            ? Document.Stages.Stages[index]
            : Document.Stages.Find(reference);
}
