using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Kiln.Bake.Files;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Overrides;
using Kiln.Bake.Resolution;

namespace Kiln.Bake;

/// <summary>The entry point of bake's front half: files -> definitions -> overrides -> resolved plan.</summary>
internal static class BakeLoader
{
    /// <summary>Reads the request's files and resolves its names (none means "default") into a plan.</summary>
    public static BakeResult Load(BakeRequest request, HclFunctionEnvironment? functionEnvironment = null)
    {
        var files = BakeFileLocator.Read(request.Files, request.WorkingDirectory, request.Environment);
        var definitions = LoadDefinitions(files, request, functionEnvironment);
        var names = request.Targets.IsDefaultOrEmpty ? ["default"] : request.Targets;
        var overrides = request.Overrides.IsDefaultOrEmpty
            ? BakeOverrideSet.Empty
            : BakeOverrideSet.Parse(request.Overrides, [.. definitions.TargetNames()], request.Environment);
        var resolver = new BakeResolver(definitions, overrides);
        var plan = resolver.Resolve(names);
        return new BakeResult(plan, files, resolver.Warnings);
    }

    public static BakeDefinitions LoadDefinitions(ImmutableArray<BakeFile> files, BakeRequest request, HclFunctionEnvironment? functionEnvironment = null) =>
        BakeDefinitions.Load(files, request.Environment, Builtins(), functionEnvironment ?? HclFunctionEnvironment.FromSystem());

    /// <summary>The BAKE_* variables buildx defines: the command context and the local platform.</summary>
    public static IReadOnlyDictionary<string, string> Builtins() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BAKE_CMD_CONTEXT"] = "cwd://",
        ["BAKE_LOCAL_PLATFORM"] = LocalPlatform(),
    };

    private static string LocalPlatform() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "linux/arm64",
        Architecture.Arm => "linux/arm/v7",
        Architecture.X86 => "linux/386",
        Architecture.S390x => "linux/s390x",
        Architecture.Ppc64le => "linux/ppc64le",
        Architecture.RiscV64 => "linux/riscv64",
        _ => "linux/amd64",
    };
}
