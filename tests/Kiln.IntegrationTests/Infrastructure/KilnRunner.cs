using Kiln.Cli;

namespace Kiln.IntegrationTests.Infrastructure;

/// <summary>What one kiln command line printed and returned.</summary>
internal sealed record KilnRun(int ExitCode, string Output, string Error)
{
    public KilnRun ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"kiln exited {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}");
        return this;
    }
}

/// <summary>Runs kiln's real command line in-process, exactly as Main does, capturing both streams.</summary>
internal static class KilnRunner
{
    public static async Task<KilnRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KilnCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return new KilnRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs kiln with extra environment variables (KILN_ROOT, SOURCE_DATE_EPOCH ...) seen only by this run.</summary>
    public static async Task<KilnRun> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KilnCommandLine.RunAsync(args, output, error, name => environment.GetValueOrDefault(name), CancellationToken.None);
        return new KilnRun(code, output.ToString(), error.ToString());
    }
}
