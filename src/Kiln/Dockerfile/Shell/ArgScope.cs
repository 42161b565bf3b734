using System.Collections.Immutable;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// The variables one build stage expands words against, as ARG and ENV instructions change them; also
/// the stage's image-config environment, which only ENV changes.
/// </summary>
/// <remarks>
/// Immutable: each instruction returns a new scope. BuildKit 0.13 rules: a stage starts from its base
/// image's environment (a stage built FROM another stage also inherits that stage's ARG values); a global
/// ARG or platform ARG is visible only after the stage re-declares it; <c>--build-arg</c> beats a
/// default; an ARG without a value and without a global or build-arg value stays unset. Later writes win
/// in either direction: ENV after ARG shadows it, and an ARG with a value declared after an ENV of the
/// same name is what expansion sees (the image config keeps the ENV value). All defaults of one ARG or ENV
/// instruction are expanded against the scope before that instruction: see <see cref="Expand"/>.
/// </remarks>
internal sealed record ArgScope
{
    /// <summary>ARGs BuildKit never exports to the environment of the stage.</summary>
    private static readonly ImmutableHashSet<string> NonEnvArgs =
        ImmutableHashSet.Create(StringComparer.Ordinal, "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

    private ArgScope(
        GlobalArgScope global,
        ImmutableDictionary<string, string> variables,
        ImmutableArray<KeyValuePair<string, string>> env,
        ImmutableDictionary<string, string?> args)
    {
        Global = global;
        Variables = variables;
        Env = env;
        Args = args;
    }

    public GlobalArgScope Global { get; }

    /// <summary>What <c>$name</c> resolves to at this point of the stage.</summary>
    public ImmutableDictionary<string, string> Variables { get; }

    /// <summary>The image config's Env, in order; ENV replaces an existing name in place.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Env { get; }

    /// <summary>ARGs this stage declared, with their effective values (null when unset).</summary>
    public ImmutableDictionary<string, string?> Args { get; }

    /// <summary>Starts a stage whose base image has the given config Env entries (<c>NAME=value</c>).</summary>
    public static ArgScope ForImage(GlobalArgScope global, IEnumerable<string> imageEnv)
    {
        ArgumentNullException.ThrowIfNull(global);
        var env = ParseEnvList(imageEnv);
        var variables = env.ToImmutableDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return new ArgScope(global, variables, env, ImmutableDictionary.Create<string, string?>(StringComparer.Ordinal));
    }

    /// <summary>Starts a stage built FROM another stage: its variables (ARG values included) and Env carry over.</summary>
    public static ArgScope ForStage(ArgScope parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return new ArgScope(parent.Global, parent.Variables, parent.Env, ImmutableDictionary.Create<string, string?>(StringComparer.Ordinal));
    }

    /// <summary>Parses <c>NAME=value</c> entries: a missing '=' means an empty value and a later entry wins.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> ParseEnvList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var env = ImmutableArray<KeyValuePair<string, string>>.Empty;
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            env = eq < 0 ? SetEnvEntry(env, entry, string.Empty) : SetEnvEntry(env, entry[..eq], entry[(eq + 1)..]);
        }

        return env;
    }

    /// <summary>Expands a word against the current variables.</summary>
    public ExpansionResult Expand(string word, ShellLexer lexer)
    {
        ArgumentNullException.ThrowIfNull(lexer);
        return lexer.Process(word, Variables);
    }

    /// <summary>
    /// Declares one ARG; <paramref name="expandedDefault"/> is the default after expansion (null for
    /// <c>ARG NAME</c>). The value is the build-arg if given, else the default, else the global or
    /// platform ARG of that name, else none.
    /// </summary>
    public ArgScope DeclareArg(string name, string? expandedDefault)
    {
        ArgumentNullException.ThrowIfNull(name);
        string? value;
        if (Global.BuildArgs.TryGetValue(name, out var given))
        {
            value = given;
        }
        else if (expandedDefault is not null)
        {
            value = expandedDefault;
        }
        else
        {
            Global.TryGetMetaArg(name, out value);
        }

        var variables = value is not null && !NonEnvArgs.Contains(name) ? Variables.SetItem(name, value) : Variables;
        return new ArgScope(Global, variables, Env, Args.SetItem(name, value));
    }

    /// <summary>Sets an ENV variable (its value already expanded) for expansion and the image config.</summary>
    public ArgScope SetEnv(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return new ArgScope(Global, Variables.SetItem(name, value), SetEnvEntry(Env, name, value), Args);
    }

    private static ImmutableArray<KeyValuePair<string, string>> SetEnvEntry(
        ImmutableArray<KeyValuePair<string, string>> env, string name, string value)
    {
        for (var i = 0; i < env.Length; i++)
        {
            if (string.Equals(env[i].Key, name, StringComparison.Ordinal))
            {
                return env.SetItem(i, new(name, value));
            }
        }

        return env.Add(new(name, value));
    }
}
