using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Instructions;
using Kiln.Dockerfile.Shell;
using Kiln.Dockerfile.Stages;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// Converts one stage for one platform: its FROM (scratch, an earlier stage, a named context or an image whose
/// config the provider returns), the base image's ONBUILD triggers, then every instruction through the table.
/// Stages it depends on are converted first.
/// </summary>
internal sealed class StageConverter(ConversionContext context)
{
    private readonly HashSet<int> _active = [];

    public async ValueTask<StageState?> ConvertAsync(int index, CancellationToken cancellationToken)
    {
        if (context.Stages.TryGetValue(index, out var done))
        {
            return done;
        }

        if (!_active.Add(index))
        {
            return null;
        }

        var stage = context.Document.Stages.Stages[index];
        foreach (var dependency in context.Document.Graph.DependenciesOf(index))
        {
            await ConvertAsync(dependency, cancellationToken);
        }

        var state = await StartAsync(stage, cancellationToken);
        state.OnlyStage = context.Document.Stages.Stages.Length == 1;
        var triggers = Triggers(state);
        var commands = triggers.Concat(stage.Commands).ToList();
        state.TotalSteps += commands.Count(ConverterTable.IsStep);
        if (state.BaseImage is { } image)
        {
            state.State = context.Add(new ImageSourceOp(image, state.Platform), [], state.Metadata("FROM " + image, stage.From.Span));
        }

        context.Stages[index] = state;
        foreach (var instruction in commands)
        {
            ConverterTable.For(instruction)?.Convert(instruction, state, context);
        }

        return state;
    }

    private async ValueTask<StageState> StartAsync(Stage stage, CancellationToken cancellationToken)
    {
        var from = stage.From;
        var variables = context.Global.Variables;
        var name = context.Lexer.Process(from.Image.Text, variables).Value;
        var platform = context.Target;
        if (from.Platform is { } platformWord)
        {
            var text = context.Lexer.Process(platformWord.Text, variables).Value;
            if (Platform.TryParse(text, out var parsed, out var error))
            {
                platform = PlatformArgs.Normalize(parsed);
            }
            else
            {
                context.Error(ErrorCodes.ConvertInvalidPlatform, $"failed to parse platform {text}: {error}", platformWord.Span);
            }
        }

        if (context.Request.NamedContexts.TryGetValue(name, out var named))
        {
            return await FromNamedAsync(stage, named, platform, cancellationToken);
        }

        if (context.Document.Stages.Find(name, ignoreCase: false, before: stage.Index) is { } parent
            && await ConvertAsync(parent.Index, cancellationToken) is { } parentState)
        {
            return new StageState(stage, parentState.Platform, ArgScope.ForStage(parentState.Scope), parentState.Image)
            {
                State = parentState.State,
                BaseConfig = parentState.BaseConfig,
                PlatformPrefix = Prefix(parentState.Platform),
            };
        }

        if (name.Equals("scratch", StringComparison.OrdinalIgnoreCase))
        {
            var empty = BaseImages.Empty(platform);
            return new StageState(stage, platform, ArgScope.ForImage(context.Global, empty.Config.Env ?? []), empty)
            {
                PlatformPrefix = Prefix(platform),
            };
        }

        if (!Reference.TryParse(name, out var reference, out var refError))
        {
            context.Error(ErrorCodes.ConvertBaseImage, $"failed to parse stage name \"{name}\": {refError}", from.Image.Span);
            var empty = BaseImages.Empty(platform);
            return new StageState(stage, platform, ArgScope.ForImage(context.Global, []), empty);
        }

        return await FromImageAsync(stage, reference, platform, cancellationToken);
    }

    private async ValueTask<StageState> FromNamedAsync(Stage stage, NamedContext named, Platform platform, CancellationToken cancellationToken)
    {
        if (named.Image is { } image)
        {
            return await FromImageAsync(stage, image, platform, cancellationToken);
        }

        if (named.Kind == NamedContextKind.Target)
        {
            var result = named.ResultFor(platform);
            if (result is null)
            {
                context.Error(ErrorCodes.ConvertBaseImage, $"{named.SourceName} was not built for {platform}", stage.From.Span);
            }

            var config = BaseImages.Inherit(result?.Config, platform);
            return new StageState(stage, platform, ArgScope.ForImage(context.Global, config.Config.Env ?? []), config)
            {
                PlatformPrefix = Prefix(platform),
                State = result?.Root,
                BaseConfig = result?.BaseConfig,
            };
        }

        var empty = BaseImages.Empty(platform);
        var state = new StageState(stage, platform, ArgScope.ForImage(context.Global, empty.Config.Env ?? []), empty)
        {
            PlatformPrefix = Prefix(platform),
        };
        state.State = context.LocalContext(named.SourceName, [], state);
        return state;
    }

    private async ValueTask<StageState> FromImageAsync(Stage stage, Reference reference, Platform platform, CancellationToken cancellationToken)
    {
        reference = reference.WithDefaultTag();
        ImageConfig? config = null;
        try
        {
            config = await context.Request.ImageConfigProvider(reference, platform, cancellationToken);
        }
        catch (KilnException ex)
        {
            context.Error(ErrorCodes.ConvertBaseImage, $"failed to resolve {reference}: {ex.Message}", stage.From.Span);
        }

        var image = BaseImages.Inherit(config, platform);
        var state = new StageState(stage, platform, ArgScope.ForImage(context.Global, image.Config.Env ?? []), image)
        {
            PlatformPrefix = Prefix(platform),
            TotalSteps = 1,
            BaseConfig = config,
        };
        state.BaseImage = reference;
        return state;
    }

    /// <summary>The base's ONBUILD triggers, parsed now; the config's OnBuild is cleared as BuildKit does.</summary>
    private List<Instruction> Triggers(StageState state)
    {
        var triggers = new List<Instruction>();
        if (state.Config.OnBuild is not { Length: > 0 } onBuild)
        {
            return triggers;
        }

        state.Config = state.Config with { OnBuild = null };
        foreach (var text in onBuild)
        {
            var parsed = TriggerParser.Parse(text, state.Stage.From.Span.File);
            if (parsed.Instruction is null || parsed.Errors.Length > 0 || parsed.Instruction is FromInstruction or OnbuildInstruction)
            {
                context.Error(ErrorCodes.ConvertOnbuildTrigger, $"invalid ONBUILD trigger \"{text}\"", state.Stage.From.Span);
                continue;
            }

            triggers.Add(parsed.Instruction);
        }

        return triggers;
    }

    /// <summary>"linux/amd64 " in a multi-platform build, "linux/amd64->arm64 " when the stage runs elsewhere.</summary>
    private string Prefix(Platform platform)
    {
        if (!context.PrefixPlatform)
        {
            return "";
        }

        var target = context.Target;
        if (platform.Equals(target))
        {
            return platform + " ";
        }

        var suffix = platform.OS == target.OS ? target.ToString()[(target.OS.Length + 1)..] : target.ToString();
        return $"{platform}->{suffix} ";
    }
}
