namespace Storyline.Cli;

/// <summary>
/// Standard input for <c>ingest -</c>, or an empty reader when the process was started with standard input closed:
/// the runtime then reuses descriptor 0 for a pipe of its own, which never ends, and reading it would wait for ever.
/// </summary>
internal static class StandardInput
{
    /// <summary>The console's input, or <see cref="TextReader.Null"/> when descriptor 0 is a pipe this process also writes.</summary>
    public static TextReader Open() => OpenedByThisProcess() ? TextReader.Null : Console.In;

    /// <summary>
    /// True on Linux when descriptor 0 is a pipe whose write end another descriptor of this very process holds: no other
    /// process can ever write to it, so it is not a real standard input.
    /// </summary>
    private static bool OpenedByThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stdin = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (stdin is null || !stdin.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            return new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
                .Where(fd => fd.Name != "0" && fd.LinkTarget == stdin)
                .Any(fd => WritesOnly(fd.Name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when the descriptor was opened write-only (the access mode in its octal <c>flags</c> line is 1).</summary>
    private static bool WritesOnly(string descriptor)
    {
        var flags = File.ReadLines($"/proc/self/fdinfo/{descriptor}").FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
        return flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & 3) == 1;
    }
}
