using System.Collections.Immutable;
using Kiln.Exec.Spec;

namespace Kiln.Exec.Mounts;

/// <summary>What a step's mounts became: runtime mounts, extra environment, and what to release after the run.</summary>
internal sealed class PreparedMounts : IAsyncDisposable
{
    private readonly List<object> resources = [];

    public ImmutableArray<RuntimeMount>.Builder Mounts { get; } = ImmutableArray.CreateBuilder<RuntimeMount>();

    public ImmutableArray<string>.Builder Env { get; } = ImmutableArray.CreateBuilder<string>();

    /// <summary>Registers something (IDisposable or IAsyncDisposable) released, last first, when the run ends.</summary>
    public void Hold(object resource) => resources.Add(resource);

    public async ValueTask DisposeAsync()
    {
        for (var i = resources.Count - 1; i >= 0; i--)
        {
            switch (resources[i])
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        resources.Clear();
    }
}
