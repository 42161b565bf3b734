using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// The third frontend step: a Dockerfile to a build graph and an image config per target platform, as BuildKit's
/// Dockerfile frontend does. Only stages reachable from the target are converted; identical work on several
/// platforms (a <c>FROM --platform=$BUILDPLATFORM</c> stage) is one shared vertex.
/// </summary>
internal static class DockerfileConverter
{
    /// <summary>Build args BuildKit accepts without a matching ARG and never reports as unused.</summary>
    private static readonly ImmutableHashSet<string> BuiltinArgs = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "SOURCE_DATE_EPOCH");

    public static async Task<ConversionResult> ConvertAsync(ConversionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = DockerfileDocument.Load(request.Dockerfile, request.FileName, request.Target, new InstructionParserOptions(request.Labs));
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        if (document.HasErrors || document.Target is null)
        {
            return new ConversionResult([], [.. diagnostics], []);
        }

        var lexer = new ShellLexer(document.Parse.EscapeToken);
        var targets = request.TargetPlatforms.IsDefaultOrEmpty ? [request.BuildPlatform] : request.TargetPlatforms;
        var vertices = new Dictionary<Digest, Vertex>();
        var usedArgs = new HashSet<string>(StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<PlatformResult>();
        foreach (var target in targets)
        {
            var platformArgs = PlatformArgs.Create(request.BuildPlatform, target);
            var global = GlobalScope(document, platformArgs, request, lexer, usedArgs);
            var context = new ConversionContext(
                request, document, lexer, global, platformArgs.Target, targets.Length > 1, vertices, diagnostics, usedArgs);
            var converter = new StageConverter(context);
            foreach (var index in document.Reachable)
            {
                await converter.ConvertAsync(index, cancellationToken);
            }

            var final = context.Stages[document.Target.Index];
            var config = final.Image;
            if (!request.Labels.IsEmpty)
            {
                config = config with { Config = config.Config with { Labels = config.Config.Labels.SetItems(request.Labels) } };
            }

            results.Add(new PlatformResult(
                platformArgs.Target,
                final.State,
                config,
                context.Stages.ToImmutableDictionary(p => p.Key, p => p.Value.State))
            {
                BaseConfig = final.BaseConfig,
            });
        }

        var unused = request.BuildArgs.Keys
            .Where(k => !usedArgs.Contains(k) && !BuiltinArgs.Contains(k) && !PlatformArgs.IsPlatformArg(k)
                && !k.StartsWith("BUILDKIT_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        if (!unused.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Warning(
                ErrorCodes.ConvertUnusedBuildArg, $"One or more build-args [{string.Join(' ', unused)}] were not consumed"));
        }

        var distinct = diagnostics.DistinctBy(d => (d.Code, d.Summary, d.Span)).ToImmutableArray();
        return new ConversionResult(results.ToImmutable(), distinct, unused);
    }

    /// <summary>The ARGs before the first FROM, declared against the platform ARGs and build args.</summary>
    private static GlobalArgScope GlobalScope(
        DockerfileDocument document, PlatformArgs platform, ConversionRequest request, ShellLexer lexer, HashSet<string> usedArgs)
    {
        var global = GlobalArgScope.Create(platform, request.BuildArgs);
        foreach (var instruction in document.Instructions.TakeWhile(i => i is not FromInstruction))
        {
            if (instruction is not ArgInstruction arg)
            {
                continue;
            }

            foreach (var declaration in arg.Args)
            {
                (global, _) = global.Declare(declaration.Name.Text, declaration.Default?.Text, lexer);
                usedArgs.Add(declaration.Name.Text);
            }
        }

        return global;
    }
}
