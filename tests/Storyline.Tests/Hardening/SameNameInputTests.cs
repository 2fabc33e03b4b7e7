using System.Text.Json;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Hardening;

/// <summary>
/// Inputs whose ids are derived (a file's name, a JSONL line's number) are never dropped for sharing that id with
/// another text: only a declared id with a known outlet is an identity (issue 25, case 1).
/// </summary>
public sealed class SameNameInputTests
{
    private const string Flood =
        "Heavy rain closed the northern highway on Monday after the river burst its banks near the bridge, officials said.";

    private const string Budget =
        "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.";

    [Fact]
    public void Two_files_of_one_name_in_different_directories_are_both_stored()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a/index.txt", Flood + "\n");
        temp.Write("in/b/index.txt", Budget + "\n");

        var ingest = CliRunner.Run("ingest", temp.File("in"), "--db", temp.File("s.db"));

        Assert.Contains("read 2, stored 2, duplicates 0", ingest.Error, StringComparison.Ordinal);
        Assert.Equal(["index", "index"], Ids(temp.File("s.db")));
    }

    [Fact]
    public void An_html_page_next_to_a_text_file_of_the_same_name_are_both_stored()
    {
        using var temp = new TempDirectory();
        temp.Write("in/x.txt", Flood + "\n");
        temp.Write("in/x.html", $"<html><body><article><p>{Budget}</p></article></body></html>");

        var ingest = CliRunner.Run("ingest", temp.File("in"), "--db", temp.File("s.db"));

        Assert.Contains("read 2, stored 2, duplicates 0", ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_lines_without_id_or_outlet_in_two_files_are_all_stored()
    {
        using var temp = new TempDirectory();
        var first = temp.Write("one.jsonl", Line(Flood) + "\n");
        var second = temp.Write("two.jsonl", Line(Budget) + "\n");

        var ingest = CliRunner.Run("ingest", first, second, "--db", temp.File("s.db"));

        Assert.Contains("read 2, stored 2, duplicates 0", ingest.Error, StringComparison.Ordinal);
        Assert.Equal(["line-1", "line-1"], Ids(temp.File("s.db")));
    }

    [Fact]
    public void Files_of_one_name_and_one_outlet_are_both_stored_the_second_under_a_numbered_id_and_found_again()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a/index.txt", "outlet Example News\n\n" + Flood + "\n");
        temp.Write("in/b/index.txt", "outlet Example News\n\n" + Budget + "\n");
        var db = temp.File("s.db");

        var ingest = CliRunner.Run("ingest", temp.File("in"), "--db", db);
        var again = CliRunner.Run("ingest", temp.File("in"), "--db", db);

        Assert.Contains("read 2, stored 2, duplicates 0", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("index.txt: warning: another text of Example News already has the id \"index\"; stored as \"index~2\"", ingest.Error, StringComparison.Ordinal);
        Assert.Equal(["index", "index~2"], Ids(db));
        Assert.Contains("read 2, stored 0, duplicates 2", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("also_at\":[{", CliRunner.Run("stories", "--json", "--db", db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_id_of_a_known_outlet_is_still_one_article()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Write("c.jsonl",
            Line(Flood, """ "id": "a1", "outlet": "Example News", """) + "\n" + Line(Budget, """ "id": "a1", "outlet": "Example News", """) + "\n");

        var ingest = CliRunner.Run("ingest", corpus, "--db", temp.File("s.db"));

        Assert.Contains("read 2, stored 1, duplicates 1", ingest.Error, StringComparison.Ordinal);
    }

    private static string Line(string text, string fields = "") => "{" + fields + "\"text\": " + JsonSerializer.Serialize(text) + "}";

    private static List<string> Ids(string db) =>
        [.. CliRunner.Run("stories", "--json", "--db", db).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => JsonDocument.Parse(line).RootElement.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("id").GetString()!)
            .Order(StringComparer.Ordinal)];
}
