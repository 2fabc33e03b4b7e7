using System.Diagnostics;
using Storyline.Reading;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Hardening;

/// <summary>A FIFO, named or met in a directory, is reported and skipped rather than blocking ingest for ever (issue 25, case 9).</summary>
public sealed class SpecialFileTests
{
    [Theory]
    [InlineData("pipe.jsonl")]
    [InlineData("pipe.txt")]
    public async Task A_fifo_given_as_an_argument_is_reported_not_opened(string name)
    {
        using var temp = new TempDirectory();
        var fifo = MakeFifo(temp.File(name));

        var problem = Assert.Single(await Guarded(() => new DocumentReader().ReadPath(fifo).ToList(), fifo)).Problem!;

        Assert.Equal(fifo, problem.Source);
        Assert.Contains("not a regular file", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_in_a_directory_is_reported_and_the_other_files_are_read()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", "Heavy rain closed the northern highway on Monday, officials said.\n");
        var fifo = MakeFifo(temp.File("in/b.jsonl"));

        var results = await Guarded(() => new DocumentReader().ReadPath(temp.File("in")).ToList(), fifo);

        Assert.Equal(2, results.Count);
        Assert.NotNull(results[0].Document);
        Assert.Equal(fifo, results[1].Problem!.Source);
    }

    [Fact]
    public async Task Ingest_of_a_fifo_ends_with_the_skip_in_the_summary()
    {
        using var temp = new TempDirectory();
        var fifo = MakeFifo(temp.File("pipe.jsonl"));

        var ingest = await Guarded(() => CliRunner.Run("ingest", fifo, "--db", temp.File("s.db")), fifo);

        Assert.Contains($"{fifo}: warning: skipped", ingest.Error, StringComparison.Ordinal);
    }

    /// <summary>The work's result; a hang guard (not a speed check) releases work blocked on the FIFO and fails.</summary>
    private static async Task<T> Guarded<T>(Func<T> work, string fifo)
    {
        var task = Task.Run(work);
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60))) != task)
        {
            Release(fifo);
            Assert.Fail("blocked on a FIFO");
        }

        return await task;
    }

    /// <summary>Opens the FIFO for writing and closes it, so a reader blocked in open sees the end of input.</summary>
    private static void Release(string fifo)
    {
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }

    private static string MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}

/// <summary><c>ingest -</c> started with standard input closed reads nothing and ends (issue 25, case 9).</summary>
public sealed class ClosedStandardInputTests
{
    [Fact]
    public async Task Ingest_of_standard_input_when_it_is_closed_reads_nothing_and_ends()
    {
        using var temp = new TempDirectory();
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-c", "exec \"$@\" <&-", "sh", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", Path.Combine(AppContext.BaseDirectory, "storyline.dll"), "ingest", "-", "--db", temp.File("s.db")])
        {
            start.ArgumentList.Add(arg);
        }

        using var ingest = Process.Start(start)!;
        var error = ingest.StandardError.ReadToEndAsync();
        await Task.WhenAny(ingest.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (!ingest.HasExited)
        {
            ingest.Kill();
            Assert.Fail("ingest - waited for ever on a closed standard input");
        }

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("read 0", await error, StringComparison.Ordinal);
    }
}
