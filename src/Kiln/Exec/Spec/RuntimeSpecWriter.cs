using System.Text.Json;

namespace Kiln.Exec.Spec;

/// <summary>Writes a <see cref="RuntimeSpec"/> as an OCI runtime config.json (spec 1.0.2) with Utf8JsonWriter.</summary>
internal static class RuntimeSpecWriter
{
    public static byte[] Serialize(RuntimeSpec spec)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, spec);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter json, RuntimeSpec spec)
    {
        json.WriteStartObject();
        json.WriteString("ociVersion", "1.0.2");
        WriteProcess(json, spec);
        json.WriteStartObject("root");
        json.WriteString("path", spec.RootPath);
        json.WriteBoolean("readonly", false);
        json.WriteEndObject();
        json.WriteString("hostname", spec.Hostname);
        json.WriteStartArray("mounts");
        foreach (var mount in spec.Mounts)
        {
            json.WriteStartObject();
            json.WriteString("destination", mount.Destination);
            json.WriteString("type", mount.Type);
            json.WriteString("source", mount.Source);
            WriteStrings(json, "options", mount.Options);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteLinux(json, spec);
        json.WriteEndObject();
    }

    private static void WriteProcess(Utf8JsonWriter json, RuntimeSpec spec)
    {
        json.WriteStartObject("process");
        json.WriteBoolean("terminal", false);
        json.WriteStartObject("user");
        json.WriteNumber("uid", spec.User.Uid);
        json.WriteNumber("gid", spec.User.Gid);
        if (!spec.User.AdditionalGids.IsDefaultOrEmpty)
        {
            json.WriteStartArray("additionalGids");
            foreach (var gid in spec.User.AdditionalGids)
            {
                json.WriteNumberValue(gid);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        WriteStrings(json, "args", spec.Args);
        WriteStrings(json, "env", spec.Env);
        json.WriteString("cwd", spec.Cwd);
        json.WriteStartObject("capabilities");
        WriteStrings(json, "bounding", spec.Capabilities);
        WriteStrings(json, "effective", spec.Capabilities);
        WriteStrings(json, "permitted", spec.Capabilities);
        json.WriteEndObject();
        if (!spec.Rlimits.IsDefaultOrEmpty)
        {
            json.WriteStartArray("rlimits");
            foreach (var limit in spec.Rlimits)
            {
                json.WriteStartObject();
                json.WriteString("type", limit.RuntimeName);
                json.WriteNumber("hard", limit.Hard);
                json.WriteNumber("soft", limit.Soft);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteBoolean("noNewPrivileges", false);
        json.WriteEndObject();
    }

    private static void WriteLinux(Utf8JsonWriter json, RuntimeSpec spec)
    {
        json.WriteStartObject("linux");
        json.WriteStartArray("namespaces");
        foreach (var type in spec.Namespaces)
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "maskedPaths", spec.MaskedPaths);
        WriteStrings(json, "readonlyPaths", spec.ReadonlyPaths);
        json.WriteStartObject("resources");
        json.WriteStartArray("devices");
        json.WriteStartObject();
        json.WriteBoolean("allow", spec.AllowAllDevices);
        json.WriteString("access", "rwm");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
