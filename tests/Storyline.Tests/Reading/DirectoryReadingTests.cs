using Storyline.Reading;

namespace Storyline.Tests.Reading;

public sealed class DirectoryReadingTests
{
    private static string Relative(TempDirectory temp, ReadResult result) =>
        Path.GetRelativePath(temp.Path, result.Document?.Source ?? result.Problem!.Source).Replace('\\', '/');

    [Fact]
    public void Directories_are_read_recursively_in_ordinal_order()
    {
        using var temp = new TempDirectory();
        temp.Write("b.txt", "Bee text.");
        temp.Write("a.txt", "Ay text.");
        temp.Write("Z.txt", "Zed text.");
        temp.Write("9.txt", "Nine.");
        temp.Write("10.txt", "Ten.");
        temp.Write("sub/deeper/c.html", "<p>Deep</p>");
        temp.Write("sub/a.htm", "<p>Sub</p>");
        temp.Write("a_b.txt", "Underscore.");

        var results = new DocumentReader().ReadPath(temp.Path).ToList();

        Assert.Equal(
            ["10.txt", "9.txt", "Z.txt", "a.txt", "a_b.txt", "b.txt", "sub/a.htm", "sub/deeper/c.html"],
            results.Select(r => Relative(temp, r)));
        Assert.All(results, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void Hidden_files_and_directories_are_skipped()
    {
        using var temp = new TempDirectory();
        temp.Write("visible.txt", "Shown.");
        temp.Write(".hidden.txt", "Not shown.");
        temp.Write(".git/objects/x.txt", "Not shown.");
        temp.Write("sub/.cache/y.html", "<p>Not shown.</p>");
        temp.Write("sub/z.txt", "Shown too.");

        var results = new DocumentReader().ReadPath(temp.Path).ToList();

        Assert.Equal(["sub/z.txt", "visible.txt"], results.Select(r => Relative(temp, r)));
    }

    [Fact]
    public void A_hidden_directory_given_explicitly_is_still_read()
    {
        using var temp = new TempDirectory();
        temp.Write(".drafts/one.txt", "Draft.");

        var results = new DocumentReader().ReadPath(Path.Combine(temp.Path, ".drafts")).ToList();

        Assert.Equal("Draft.", Assert.Single(results).Document!.Content);
    }

    [Fact]
    public void Unknown_extension_is_a_warning_and_reading_goes_on()
    {
        using var temp = new TempDirectory();
        var pdf = temp.Write("a.pdf", "%PDF-1.7");
        temp.Write("b.txt", "Text.");

        var results = new DocumentReader().ReadPath(temp.Path).ToList();

        Assert.Equal(2, results.Count);
        Assert.Null(results[0].Document);
        Assert.True(results[0].Problem!.IsWarning);
        Assert.Equal(pdf, results[0].Problem!.Source);
        Assert.Contains("warning", results[0].Problem!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Text.", results[1].Document!.Content);
    }

    [Fact]
    public void Real_failures_are_not_warnings()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.txt", string.Empty);

        var problem = Assert.Single(new DocumentReader().ReadPath(path)).Problem!;

        Assert.False(problem.IsWarning);
        Assert.Equal($"{path}: {problem.Reason}", problem.ToString());
    }

    [Fact]
    public void Missing_path_is_a_failure()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "nope", "gone.txt");

        var problem = Assert.Single(new DocumentReader().ReadPath(missing)).Problem!;

        Assert.False(problem.IsWarning);
        Assert.Equal(missing, problem.Source);
        Assert.Contains("no such file", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_paths_are_read_in_the_order_given()
    {
        using var temp = new TempDirectory();
        var second = temp.Write("a.txt", "A.");
        var first = temp.Write("b.txt", "B.");
        var missing = temp.File("c.txt");

        var results = new DocumentReader().ReadPaths([first, missing, second]).ToList();

        Assert.Equal([first, missing, second], results.Select(r => r.Document?.Source ?? r.Problem!.Source));
        Assert.NotNull(results[1].Problem);
    }

    [Fact]
    public void Empty_directory_gives_nothing()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("empty"));

        Assert.Empty(new DocumentReader().ReadPath(temp.File("empty")));
    }

    [Fact]
    public void Samples_directory_gives_the_two_seeds_and_the_headline_corpus()
    {
        var results = new DocumentReader().ReadPath(TestPaths.Samples()).ToList();

        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal("000_6c0088076a9363ac", results[0].Document!.ExternalId);
        Assert.Equal("001_189017ad2c526773", results[1].Document!.ExternalId);
        Assert.True(results.Count > 2);
        Assert.All(results.Skip(2), r => Assert.StartsWith(TestPaths.Samples("uci-headlines.jsonl") + ":", r.Document!.Source, StringComparison.Ordinal));
    }
}
