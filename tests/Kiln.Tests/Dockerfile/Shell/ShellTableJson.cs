using System.Text.Json.Serialization;

namespace Kiln.Tests.Dockerfile.Shell;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ShellTableJson : JsonSerializerContext;
