namespace Storyline.Reading;

/// <summary>
/// Lists the files below a directory for reading: symbolic links to files and directories are followed, each directory
/// is read once (by its resolved path, so a link back up the tree ends), and every entry that cannot be followed (an
/// unreadable directory, a broken link, a loop) comes back as a skip naming the path rather than vanishing. Names
/// starting with a dot are left out on purpose, as hidden.
/// </summary>
internal sealed class DirectoryWalker
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<(string Path, ReadResult? Skip)> _entries = [];

    private DirectoryWalker()
    {
    }

    /// <summary>The files below <paramref name="root"/> and the entries skipped, in ordinal path order.</summary>
    public static IEnumerable<(string Path, ReadResult? Skip)> Walk(string root)
    {
        var walker = new DirectoryWalker();
        var full = Path.GetFullPath(root);
        walker.Visit(root, Resolve(new DirectoryInfo(full)) ?? full);
        return walker._entries.OrderBy(e => e.Path, StringComparer.Ordinal);
    }

    private void Visit(string directory, string realPath)
    {
        if (!_visited.Add(realPath))
        {
            Skip(directory, $"skipped: directory already read (a link loop, or a second link to {realPath})");
            return;
        }

        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Skip(directory, $"skipped: cannot read directory: {e.Message}");
            return;
        }

        foreach (var entry in entries.Where(e => !e.Name.StartsWith('.')))
        {
            VisitEntry(entry, Path.Combine(directory, entry.Name), realPath);
        }
    }

    /// <summary>One entry of a directory, named as the user named the directory (<paramref name="path"/>).</summary>
    private void VisitEntry(FileSystemInfo entry, string path, string parentRealPath)
    {
        if (entry.LinkTarget is null)
        {
            if (entry is DirectoryInfo)
            {
                Visit(path, Path.Combine(parentRealPath, entry.Name));
            }
            else
            {
                _entries.Add((path, null));
            }

            return;
        }

        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException e)
        {
            Skip(path, $"skipped: symbolic link not followed: {e.Message}");
            return;
        }

        if (target is null || !target.Exists)
        {
            Skip(path, $"skipped: broken symbolic link to {entry.LinkTarget}");
        }
        else if (target is DirectoryInfo)
        {
            Visit(path, target.FullName);
        }
        else
        {
            _entries.Add((path, null));
        }
    }

    /// <summary>A directory's path with its own link resolved, or null when it is not a link.</summary>
    private static string? Resolve(FileSystemInfo directory)
    {
        try
        {
            return directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Skip(string path, string reason) => _entries.Add((path, ReadResult.Skipped(path, reason)));
}
