using System.Diagnostics;
using System.Text;

namespace Storyline.Tests.Cli;

/// <summary>Runs the built CLI as a real process (for concurrency and crash tests), its output collected.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _error = new();
    private readonly StringBuilder _output = new();

    private CliProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>Stderr so far (all of it once <see cref="Wait"/> returned).</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "storyline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var cli = new CliProcess(Process.Start(start)!);
        cli.Process.ErrorDataReceived += (_, e) => Append(cli._error, e.Data);
        cli.Process.OutputDataReceived += (_, e) => Append(cli._output, e.Data);
        cli.Process.BeginErrorReadLine();
        cli.Process.BeginOutputReadLine();
        return cli;
    }

    public static CliProcess Start(params string[] args) => Start(null, args);

    /// <summary>Waits for the process to exit (at most two minutes) and returns its exit code.</summary>
    public int Wait()
    {
        if (!Process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"storyline did not exit within two minutes; stderr: {Error}");
        }

        Process.WaitForExit(); // flushes the asynchronous readers
        return Process.ExitCode;
    }

    public void Dispose() => Process.Dispose();

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
