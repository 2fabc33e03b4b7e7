using Storyline.Reading;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Hardening;

/// <summary>
/// Links inside a directory are followed to files and directories, loops end, and whatever cannot be followed is
/// reported naming the path, never skipped silently (issue 25, case 16).
/// </summary>
public sealed class SymlinkDirectoryTests
{
    private const string Flood = "Heavy rain closed the northern highway on Monday after the river burst its banks, officials said.\n";

    [Fact]
    public void A_directory_of_linked_files_is_read()
    {
        using var temp = new TempDirectory();
        var target = temp.Write("real/a.txt", Flood);
        Directory.CreateDirectory(temp.File("in"));
        File.CreateSymbolicLink(temp.File("in/a.txt"), target);

        var ingest = CliRunner.Run("ingest", temp.File("in"), "--db", temp.File("s.db"));

        Assert.Contains("read 1, stored 1", ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_directory_is_read_and_a_link_back_up_the_tree_is_reported_once()
    {
        using var temp = new TempDirectory();
        temp.Write("real/a.txt", Flood);
        Directory.CreateDirectory(temp.File("in"));
        Directory.CreateSymbolicLink(temp.File("in/sub"), temp.File("real"));
        Directory.CreateSymbolicLink(temp.File("real/up"), temp.File("in"));

        var results = new DocumentReader().ReadPath(temp.File("in")).ToList();

        Assert.Equal(temp.File("in/sub/a.txt"), Assert.Single(results, r => r.Document is not null).Document!.Source);
        var loop = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Equal(temp.File("in/sub/up"), loop.Source);
        Assert.Contains("already read", loop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_link_is_reported_with_its_path()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", Flood);
        File.CreateSymbolicLink(temp.File("in/gone.txt"), temp.File("nowhere.txt"));

        var results = new DocumentReader().ReadPath(temp.File("in")).ToList();

        Assert.NotNull(results[0].Document);
        var broken = results[1].Problem!;
        Assert.Equal(temp.File("in/gone.txt"), broken.Source);
        Assert.True(broken.IsWarning);
        Assert.Contains("broken symbolic link", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_itself_is_reported_not_followed()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", Flood);
        File.CreateSymbolicLink(temp.File("in/self.txt"), temp.File("in/self.txt"));

        var ingest = CliRunner.Run("ingest", temp.File("in"), "--db", temp.File("s.db"));

        Assert.Contains(temp.File("in/self.txt") + ": warning: skipped", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("read 1, stored 1", ingest.Error, StringComparison.Ordinal);
    }
}
