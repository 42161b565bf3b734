using System.Text.Json;

namespace Kiln.Graph;

/// <summary>
/// One mount of an exec op. A bind mount shows <see cref="Selector"/> of input <see cref="Input"/> (-1: scratch)
/// at <see cref="Destination"/>; a writable mount with <see cref="Output"/> &gt;= 0 becomes that output of the op.
/// </summary>
internal sealed record ExecMount(string Destination)
{
    public int Input { get; init; } = -1;

    public string Selector { get; init; } = "";

    public bool ReadOnly { get; init; }

    public int Output { get; init; } = -1;

    public MountType Type { get; init; } = MountType.Bind;

    public CacheMountOptions? Cache { get; init; }

    public SecretMountOptions? Secret { get; init; }

    public SshMountOptions? Ssh { get; init; }

    public TmpfsMountOptions? Tmpfs { get; init; }

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("input", Input);
        writer.WriteString("dest", Destination);
        writer.WriteString("selector", Selector);
        writer.WriteBoolean("readonly", ReadOnly);
        writer.WriteNumber("output", Output);
        writer.WriteString("type", Type.ToString().ToLowerInvariant());
        WriteCache(writer);
        WriteSecret(writer);
        WriteSsh(writer);
        writer.WriteNullableNumber("tmpfsSize", Tmpfs?.Size);
        writer.WriteEndObject();
    }

    private void WriteCache(Utf8JsonWriter writer)
    {
        if (Cache is null)
        {
            writer.WriteNull("cache");
            return;
        }

        writer.WriteStartObject("cache");
        writer.WriteString("id", Cache.Id);
        writer.WriteString("sharing", Cache.Sharing.ToString().ToLowerInvariant());

        // Written only when set, so the digests of ops that do not use them stay as they were.
        WriteIfSet(writer, "mode", Cache.Mode);
        WriteIfSet(writer, "uid", Cache.Uid);
        WriteIfSet(writer, "gid", Cache.Gid);
        writer.WriteEndObject();
    }

    private void WriteSecret(Utf8JsonWriter writer)
    {
        if (Secret is null)
        {
            writer.WriteNull("secret");
            return;
        }

        writer.WriteStartObject("secret");
        writer.WriteString("id", Secret.Id);
        writer.WriteBoolean("optional", Secret.Optional);
        writer.WriteNumber("uid", Secret.Uid);
        writer.WriteNumber("gid", Secret.Gid);
        writer.WriteNumber("mode", Secret.Mode);
        writer.WriteEndObject();
    }

    private void WriteSsh(Utf8JsonWriter writer)
    {
        if (Ssh is null)
        {
            writer.WriteNull("ssh");
            return;
        }

        writer.WriteStartObject("ssh");
        writer.WriteString("id", Ssh.Id);
        writer.WriteBoolean("optional", Ssh.Optional);
        writer.WriteNumber("uid", Ssh.Uid);
        writer.WriteNumber("gid", Ssh.Gid);
        writer.WriteNumber("mode", Ssh.Mode);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
