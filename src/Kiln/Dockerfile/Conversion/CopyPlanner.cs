using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Shell;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// Turns COPY or ADD into a file op: one copy action per source, read from the build context (whose source op
/// includes only those sources), a stage, an image, a named context, a here-document or a URL.
/// </summary>
internal static class CopyPlanner
{
    private static readonly ShellLexer HeredocLexer = new('\\') { SkipProcessQuotes = true };

    public static void Apply(CopySpec spec, StageState stage, ConversionContext context)
    {
        var span = spec.Instruction.Span;
        var rawDest = context.Expand(stage, spec.Destination);
        var dest = Destination(rawDest, stage.WorkingDir);
        var chown = context.ExpandOptional(stage, spec.Options.Chown);
        var chmod = context.ExpandOptional(stage, spec.Options.Chmod);
        var mode = ParseMode(chmod, context, span);
        var excludes = spec.Options.Excludes.Select(e => context.Expand(stage, e)).ToImmutableArray();
        var inputs = new List<Edge>();
        if (stage.State is not null && !spec.Options.Link)
        {
            inputs.Add(stage.State);
        }

        var history = new StringBuilder(spec.Keyword);
        if (!string.IsNullOrEmpty(chown))
        {
            history.Append(" --chown=").Append(chown);
        }

        if (!string.IsNullOrEmpty(chmod))
        {
            history.Append(" --chmod=").Append(chmod);
        }

        var sources = new List<(string Path, Vertex? From, bool Local)>();
        var fromVertex = spec.From is null ? null : SourceResolver.Resolve(spec.From.Text, stage, context, spec.From.Span);
        foreach (var word in spec.Sources)
        {
            if (spec.HeredocFor(word) is { } heredoc)
            {
                var data = heredoc.EffectiveContent();
                if (heredoc.Expand)
                {
                    data = HeredocLexer.Process(data, stage.Scope.Variables).Value;
                }

                var file = context.Add(
                    new FileOp(-1, [new MkfileAction("/" + heredoc.Name, mode ?? 0x1A4, [.. Encoding.UTF8.GetBytes(data)])]),
                    [],
                    new VertexMetadata { Stage = stage.Stage.DisplayName, Source = heredoc.Span });
                sources.Add(("/" + heredoc.Name, file, false));
                history.Append(" <<").Append(heredoc.Name);
                continue;
            }

            var path = context.Expand(stage, word);
            history.Append(' ').Append(path);
            if (spec.IsAdd && spec.From is null && GitSource.IsGit(path))
            {
                var git = context.Add(GitSource.Op(path, spec.KeepGitDir), [], new VertexMetadata
                {
                    Name = $"[{stage.Stage.DisplayName}] ADD {path}",
                    Source = word.Span,
                    Stage = stage.Stage.DisplayName,
                });
                sources.Add(("/", git, false));
                continue;
            }

            if (spec.IsAdd && spec.From is null && IsUrl(path))
            {
                sources.Add(Download(path, spec, stage, context, word.Span));
                continue;
            }

            sources.Add((path, fromVertex, spec.From is null));
        }

        history.Append(' ').Append(rawDest);
        if (spec.Sources.Length > 1 && !dest.EndsWith('/'))
        {
            context.Error(ErrorCodes.ConvertInvalidSource,
                $"When using {spec.Keyword} with more than one source file, the destination must be a directory and end with a /", span);
        }

        var contextPaths = sources.Where(s => s.Local).Select(s => s.Path.TrimStart('/')).Select(p => p.Length == 0 ? "." : p).ToImmutableArray();
        var local = contextPaths.IsEmpty ? null : context.LocalContext(context.Request.ContextName, contextPaths, stage);
        var actions = ImmutableArray.CreateBuilder<FileAction>();
        foreach (var (path, from, isLocal) in sources)
        {
            var input = InputIndex(isLocal ? local : from, inputs);
            var parents = spec.Options.Parents && (isLocal || spec.From is not null);
            actions.Add(new CopyAction(input, parents ? "/" : Source(path), dest)
            {
                IncludePatterns = parents ? [path.TrimStart('/')] : [],
                Owner = Paths.Owner(chown),
                Mode = mode,
                FollowSymlinks = true,
                CopyDirectoryContents = true,
                CreateDestinationPath = true,
                AllowWildcard = true,
                AllowEmptyWildcard = true,
                ExcludePatterns = excludes,
                AttemptUnpack = spec.IsAdd && isLocal,
            });
        }

        var metadata = stage.Metadata(StepText.Of(spec.Instruction), span);
        var baseInput = stage.State is not null && !spec.Options.Link ? 0 : -1;
        var copied = context.Add(new FileOp(baseInput, actions.ToImmutable()), [.. inputs], metadata);
        stage.State = spec.Options.Link && stage.State is not null
            ? context.Add(new MergeOp([0, 1]), [stage.State, copied], metadata)
            : copied;
        stage.Commit(history.ToString(), withLayer: true, fromGraph: true);
    }

    /// <summary>The absolute destination; a trailing slash (or ".") means "into this directory" and is kept.</summary>
    public static string Destination(string raw, string workingDir)
    {
        var dest = Paths.Join(workingDir, raw);
        var intoDir = raw.Length == 0 || raw == "." || raw.EndsWith('/') || raw.EndsWith("/.", StringComparison.Ordinal);
        return intoDir && !dest.EndsWith('/') ? dest + "/" : dest;
    }

    private static string Source(string path) => path.StartsWith('/') ? path : "/" + path;

    private static bool IsUrl(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static (string, Vertex?, bool) Download(string url, CopySpec spec, StageState stage, ConversionContext context, SourceSpan span)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            context.Error(ErrorCodes.ConvertInvalidUrl, $"invalid URL \"{url}\"", span);
            return ("/", null, false);
        }

        Digest? checksum = null;
        if (context.ExpandOptional(stage, spec.Checksum) is { Length: > 0 } text)
        {
            if (Digest.TryParse(text, out var digest, out var error))
            {
                checksum = digest;
            }
            else
            {
                context.Error(ErrorCodes.ConvertInvalidUrl, $"invalid checksum \"{text}\": {error}", spec.Checksum!.Span);
            }
        }

        var name = uri.Segments.Length > 0 ? Uri.UnescapeDataString(uri.Segments[^1]).Trim('/') : "";
        name = name.Length == 0 ? "__unnamed__" : name;
        var vertex = context.Add(new HttpSourceOp(uri) { Checksum = checksum, Filename = name }, [], new VertexMetadata
        {
            Name = $"[{stage.Stage.DisplayName}] ADD {url}",
            Source = span,
            Stage = stage.Stage.DisplayName,
        });
        return ("/" + name, vertex, false);
    }

    private static int InputIndex(Vertex? vertex, List<Edge> inputs)
    {
        if (vertex is null)
        {
            return -1;
        }

        var index = inputs.FindIndex(e => e.Vertex == vertex);
        if (index >= 0)
        {
            return index;
        }

        inputs.Add(vertex);
        return inputs.Count - 1;
    }

    private static int? ParseMode(string? chmod, ConversionContext context, SourceSpan span)
    {
        if (string.IsNullOrEmpty(chmod))
        {
            return null;
        }

        try
        {
            var mode = System.Convert.ToInt32(chmod, 8);
            if (mode is >= 0 and <= 0xFFF)
            {
                return mode;
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
        }

        context.Error(ErrorCodes.ConvertInvalidChmod, $"invalid chmod parameter: '{chmod}'. it should be octal string and between 0 and 07777", span);
        return null;
    }
}
