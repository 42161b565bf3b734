namespace Kiln.Export.Push;

/// <summary>How an image is pushed: the <c>push-by-digest</c> and <c>name-canonical</c> options of the image output.</summary>
internal sealed record PushOptions
{
    public static PushOptions Default { get; } = new();

    /// <summary>Push manifests by digest only: no tag is written (buildx <c>push-by-digest=true</c>).</summary>
    public bool ByDigest { get; init; }

    /// <summary>Name the result <c>repository@digest</c> as well (buildx <c>name-canonical=true</c>).</summary>
    public bool NameCanonical { get; init; }
}
