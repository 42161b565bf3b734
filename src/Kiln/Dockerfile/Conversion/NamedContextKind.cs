namespace Kiln.Dockerfile.Conversion;

/// <summary>What a <c>--build-context name=value</c> points at.</summary>
internal enum NamedContextKind
{
    /// <summary>A local directory the client sends under the context's name.</summary>
    Local,

    /// <summary>An image (<c>docker-image://REF</c>) used instead of the stage or image of that name.</summary>
    Image,

    /// <summary>Another bake target's result (<c>target:NAME</c>), converted in the same session: a graph and a config per platform.</summary>
    Target,
}
