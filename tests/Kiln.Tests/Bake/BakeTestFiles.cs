using System.Collections.Immutable;
using Kiln.Bake;
using Kiln.Bake.Model;

namespace Kiln.Tests.Bake;

/// <summary>Writes bake files into a fresh temporary folder and resolves them, for tests.</summary>
internal static class BakeTestFiles
{
    public static BakeResult Load(IReadOnlyDictionary<string, string> files, string[]? targets = null, string[]? sets = null, Dictionary<string, string>? env = null)
    {
        var dir = Directory.CreateTempSubdirectory("kiln-bake-test-").FullName;
        try
        {
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(dir, name), text);
            }

            var request = new BakeRequest([], [.. targets ?? []], [.. sets ?? []], dir, env ?? []);
            return BakeLoader.Load(request);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static BakePlan Hcl(string hcl, string[]? targets = null, string[]? sets = null, Dictionary<string, string>? env = null) =>
        Load(new Dictionary<string, string> { ["docker-bake.hcl"] = hcl }, targets, sets, env).Plan;

    public static string[] List(this BakePlan plan, string target, BakeField field) => [.. plan.Targets[target].GetList(field)];
}
