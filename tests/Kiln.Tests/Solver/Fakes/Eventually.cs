namespace Kiln.Tests.Solver.Fakes;

/// <summary>Waits for a condition another thread makes true; the bound only stops a broken test from hanging.</summary>
internal static class Eventually
{
    public static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 6000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
