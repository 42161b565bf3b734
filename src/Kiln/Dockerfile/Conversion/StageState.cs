using System.Collections.Immutable;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// One stage while it is converted for one platform: the current filesystem vertex, the image config being
/// built, the variables in scope, the ARGs RUN records, and the progress step counter.
/// </summary>
internal sealed class StageState(Stage stage, Platform platform, ArgScope scope, ImageConfig image)
{
    private int _step;

    public Stage Stage { get; } = stage;

    /// <summary>The platform the stage's commands run on (FROM --platform, else the target platform).</summary>
    public Platform Platform { get; } = platform;

    /// <summary>The current filesystem; null while it is empty (FROM scratch).</summary>
    public Vertex? State { get; set; }

    /// <summary>The base image, until its source vertex is created (once the stage's step count is known).</summary>
    public Reference? BaseImage { get; set; }

    public ImageConfig Image { get; set; } = image;

    /// <summary>The config of the image the stage's chain starts from (null for scratch): its history keeps its own times.</summary>
    public ImageConfig? BaseConfig { get; init; }

    public ArgScope Scope { get; set; } = scope;

    /// <summary>The ARGs this stage declared with their values (unset ARGs read as empty), in order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> RunArgs { get; private set; } = [];

    /// <summary>True once this stage ran CMD: a later ENTRYPOINT then keeps the CMD.</summary>
    public bool CmdSet { get; set; }

    /// <summary>How many progress steps the stage shows (FROM, RUN, COPY, ADD, WORKDIR, ONBUILD triggers).</summary>
    public int TotalSteps { get; set; }

    /// <summary>The Dockerfile has this one stage: an unnamed one then shows no "stage-0" in step names, as in BuildKit.</summary>
    public bool OnlyStage { get; set; }

    /// <summary>The text before a step's name, e.g. "linux/arm64 " in a multi-platform build.</summary>
    public string PlatformPrefix { get; set; } = "";

    public ContainerConfig Config
    {
        get => Image.Config;
        set => Image = Image with { Config = value };
    }

    public string WorkingDir => string.IsNullOrEmpty(Config.WorkingDir) ? "/" : Config.WorkingDir;

    /// <summary>Records one ARG declaration for RUN's history; a redeclared ARG is listed again, as BuildKit does.</summary>
    public void AddRunArg(string name, string value) => RunArgs = RunArgs.Add(new(name, value));

    /// <summary>
    /// The environment a RUN sees: the image Env in order, then ARG values (this stage's and those inherited from a
    /// parent stage) in name order; an ARG declared after an ENV of the same name wins, as in BuildKit's state.
    /// </summary>
    public ImmutableArray<string> ExecEnv()
    {
        var variables = Scope.Variables;
        var env = Scope.Env.Select(p => $"{p.Key}={variables.GetValueOrDefault(p.Key, p.Value)}").ToList();
        var names = Scope.Env.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        env.AddRange(variables.Keys.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k}={variables[k]}"));
        return [.. env];
    }

    /// <summary>Appends a history entry; <paramref name="fromGraph"/> adds BuildKit's " # buildkit" suffix.</summary>
    public void Commit(string createdBy, bool withLayer, bool fromGraph = false) =>
        Image = Image with
        {
            History = Image.History.Add(new HistoryEntry
            {
                CreatedBy = fromGraph ? createdBy + " # buildkit" : createdBy,
                Comment = "buildkit.dockerfile.v0",
                EmptyLayer = !withLayer,
            }),
        };

    /// <summary>The next progress name: "[name k/n] text", padded like BuildKit.</summary>
    public string NextStepName(string text)
    {
        _step++;
        var total = Math.Max(TotalSteps, _step);
        var width = total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var index = _step.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width);
        var name = OnlyStage && Stage.Name is null ? "" : Stage.DisplayName + " ";
        return $"[{PlatformPrefix}{name}{index}/{total}] {text}";
    }

    public VertexMetadata Metadata(string text, Kiln.Diagnostics.SourceSpan span) =>
        new() { Name = NextStepName(text), Source = span, Stage = Stage.DisplayName };
}
