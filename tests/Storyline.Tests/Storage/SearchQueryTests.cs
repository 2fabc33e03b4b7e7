using System.Globalization;
using Storyline.Storage;

namespace Storyline.Tests.Storage;

/// <summary>
/// Everyday searches just work (covid-19, U.S., Trump's, 9/11, $5, C++, #metoo, a URL) and the query syntax stays:
/// each row of Data/search/queries.tsv gives a query, its FTS5 form and the articles of Data/search/items.jsonl it finds.
/// </summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void Every_query_of_the_table_translates_and_finds_its_articles()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        Assert.Equal(0, Tests.Cli.CliRunner.Run("ingest", TestPaths.Data("search", "items.jsonl"), "--db", db, "--no-analysis").ExitCode);
        using var store = SqliteStoryStore.Open(db);
        var rows = File.ReadLines(TestPaths.Data("search", "queries.tsv")).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 25);

        var failures = new List<string>();
        foreach (var row in rows)
        {
            var (query, fts, expected) = (row[0], row[1], row[2] == "-" ? [] : row[2].Split(',').Order(StringComparer.Ordinal).ToArray());
            var translated = SearchQuery.ToFts(query);
            var found = store.Search(query, 50).Select(h => h.Article.ExternalId).Order(StringComparer.Ordinal).ToArray();
            if (translated != fts || !found.SequenceEqual(expected))
            {
                failures.Add($"{query}: {translated} found [{string.Join(",", found)}]; expected {fts} finding [{string.Join(",", expected)}]");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void A_query_of_twenty_thousand_words_is_refused_at_once_with_a_clear_error()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        Tests.Cli.CliRunner.Run("ingest", TestPaths.Data("search", "items.jsonl"), "--db", db, "--no-analysis");
        var words = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"w{i}"));
        var longest = string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms).Select(i => $"w{i}"));

        var tooMany = Tests.Cli.CliRunner.Run("search", words, "--db", db);
        var tooManyTerms = Assert.Throws<StoreException>(() => SearchQuery.ToFts(longest + " one more"));

        Assert.Equal(2, tooMany.ExitCode);
        Assert.Equal($"storyline: search query too long: {words.Length.ToString("N0", CultureInfo.InvariantCulture)} characters (at most 1,000)", tooMany.Error.TrimEnd());
        Assert.Equal($"search query too long: 66 words (at most {SearchQuery.MaxTerms})", tooManyTerms.Message);
        Assert.Equal(0, Tests.Cli.CliRunner.Run("search", longest, "--db", db).ExitCode);
    }

    [Fact]
    public void A_query_without_any_word_is_a_usage_error()
    {
        var error = Assert.Throws<StoreException>(() => SearchQuery.ToFts("() - \"\""));

        Assert.Equal("search query '() - \"\"' has no word to search for", error.Message);
    }
}
