namespace Kiln.Bake.Hcl.Functions;

/// <summary>What the non-deterministic functions read: the clock (timestamp), random UUIDs (uuidv4) and the home directory (homedir).</summary>
internal sealed record HclFunctionEnvironment(TimeProvider Clock, Func<Guid> NewGuid, string? HomeDirectory)
{
    /// <summary>The real machine: system clock, random UUIDs and the user's home directory.</summary>
    public static HclFunctionEnvironment FromSystem() =>
        new(TimeProvider.System, Guid.NewGuid, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
