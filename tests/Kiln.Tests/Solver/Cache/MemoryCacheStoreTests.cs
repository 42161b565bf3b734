using Kiln.Solver.Cache;

namespace Kiln.Tests.Solver.Cache;

public sealed class MemoryCacheStoreTests : CacheStoreContract
{
    private protected override Task<ICacheStore> CreateAsync() => Task.FromResult<ICacheStore>(new MemoryCacheStore(Time));
}
