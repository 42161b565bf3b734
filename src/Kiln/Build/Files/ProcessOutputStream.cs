using System.Diagnostics;
using Kiln.Streams;

namespace Kiln.Build.Files;

/// <summary>
/// The standard output of a filter program (<c>xz -dc FILE</c>) as a read-only stream; a non-zero exit at the end of
/// the output is an <see cref="InvalidDataException"/>, and disposing stops the program if it still runs.
/// </summary>
internal sealed class ProcessOutputStream : ReadOnlyStream
{
    private readonly Process process;
    private readonly Stream output;
    private bool disposed;

    private ProcessOutputStream(Process process)
    {
        this.process = process;
        output = process.StandardOutput.BaseStream;
    }

    public static ProcessOutputStream Start(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(info) ?? throw new InvalidDataException($"cannot start {program}");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            return new ProcessOutputStream(process);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidDataException($"cannot start {program} (is it installed?): {e.Message}", e);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        var read = output.Read(buffer);
        if (read == 0 && buffer.Length > 0)
        {
            CheckExit();
        }

        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0 && buffer.Length > 0)
        {
            CheckExit();
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.WaitForExit();
            process.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckExit()
    {
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"{process.StartInfo.FileName} exited with code {process.ExitCode}");
        }
    }
}
