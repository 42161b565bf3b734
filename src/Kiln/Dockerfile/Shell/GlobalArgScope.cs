using System.Collections.Immutable;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// The ARGs declared before the first FROM (BuildKit's "meta args") together with the automatic platform
/// ARGs and the user's <c>--build-arg</c> values: what FROM lines expand against.
/// </summary>
/// <remarks>
/// Immutable: <see cref="Declare"/> returns a new scope. Follows BuildKit 0.13 exactly: a default is
/// expanded against the platform ARGs and the global ARGs declared before it (earlier names in the same
/// ARG instruction included); a <c>--build-arg</c> replaces the default unexpanded; an expansion error in
/// a default is ignored by BuildKit and leaves the ARG empty; an ARG declared without a value reads as
/// empty (set) in FROM but stays unset when a stage re-declares it.
/// </remarks>
internal sealed record GlobalArgScope
{
    private GlobalArgScope(
        ImmutableDictionary<string, string> buildArgs,
        ImmutableDictionary<string, string?> metaArgs,
        ImmutableArray<string> declared)
    {
        BuildArgs = buildArgs;
        MetaArgs = metaArgs;
        Declared = declared;
    }

    /// <summary>The <c>--build-arg</c> values, whether or not the Dockerfile declares them.</summary>
    public ImmutableDictionary<string, string> BuildArgs { get; }

    /// <summary>Platform ARGs and declared global ARGs with their values; null when declared without one.</summary>
    public ImmutableDictionary<string, string?> MetaArgs { get; }

    /// <summary>Names of the ARGs declared before the first FROM, in order (re-declarations listed once).</summary>
    public ImmutableArray<string> Declared { get; }

    /// <summary>The variables FROM arguments and global ARG defaults expand against.</summary>
    public ImmutableDictionary<string, string> Variables =>
        MetaArgs.ToImmutableDictionary(pair => pair.Key, pair => pair.Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>Starts the global scope; a build-arg named like a platform ARG overrides it.</summary>
    public static GlobalArgScope Create(PlatformArgs platform, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        var overrides = (buildArgs ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(StringComparer.Ordinal);
        var meta = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in platform.ToArgs())
        {
            meta[name] = overrides.TryGetValue(name, out var given) ? given : value;
        }

        return new GlobalArgScope(overrides, meta.ToImmutable(), []);
    }

    /// <summary>
    /// Declares one global ARG. <paramref name="rawDefault"/> is the default as written (null for
    /// <c>ARG NAME</c>); the returned expansion is null when no expansion happened (no default, or a
    /// build-arg overrides it) and otherwise carries the referenced names and any ignored error.
    /// </summary>
    public (GlobalArgScope Scope, ExpansionResult? Expansion) Declare(string name, string? rawDefault, ShellLexer lexer)
    {
        ArgumentNullException.ThrowIfNull(lexer);
        string? value;
        ExpansionResult? expansion = null;
        if (BuildArgs.TryGetValue(name, out var given))
        {
            value = given;
        }
        else if (rawDefault is not null)
        {
            expansion = lexer.Process(rawDefault, Variables);
            value = expansion.Value;
        }
        else
        {
            value = null;
        }

        var declared = Declared.Contains(name, StringComparer.Ordinal) ? Declared : Declared.Add(name);
        return (new GlobalArgScope(BuildArgs, MetaArgs.SetItem(name, value), declared), expansion);
    }

    /// <summary>What a stage's <c>ARG name</c> without a default inherits: a platform ARG or a declared global ARG.</summary>
    public bool TryGetMetaArg(string name, out string? value) => MetaArgs.TryGetValue(name, out value);
}
