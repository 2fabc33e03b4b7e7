using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Storyline.Tests.Cli;

/// <summary>
/// kill -9 or Ctrl-C at several moments of an ingest (reading and storing, grouping), then the same ingest again: the
/// stories are those of one uninterrupted ingest. The ingest process stops itself at a named point
/// (<c>STORYLINE_TEST_KILL_AT</c>), so the moments are the same on every run.
/// </summary>
public sealed class CrashConsistencyTests
{
    private const int Articles = 1_200;

    [Theory]
    [InlineData("reading:300")]
    [InlineData("reading:900:INT")]
    [InlineData("grouping:200")]
    [InlineData("grouping:700")]
    [InlineData("grouping:1100")]
    [InlineData("grouping:700:INT", Skip = "Known, open (issue 25): Ctrl-C stops grouping mid-chunk (700 of 1,200 saved, inside a group of articles of one day); the resumed ingest then groups 4 of 304 stories differently. A kill -9 loses the unsaved chunk, so the resume starts at a chunk boundary (512, 1,024), and those pass.")]
    public void An_ingest_stopped_and_run_again_gives_the_stories_of_one_uninterrupted_ingest(string killAt)
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus.jsonl");
        WriteCorpus(corpus);
        var once = temp.File("once.db");
        Assert.Equal(0, CliRunner.Run("ingest", corpus, "--db", once, "--no-analysis").ExitCode);
        var db = temp.File("stopped.db");

        int code;
        using (var stopped = CliProcess.Start(new Dictionary<string, string> { ["STORYLINE_TEST_KILL_AT"] = killAt }, "ingest", corpus, "--db", db, "--no-analysis"))
        {
            code = stopped.Wait();
        }

        var rerun = CliRunner.Run("ingest", corpus, "--db", db, "--no-analysis");

        Assert.Equal(killAt.EndsWith(":INT", StringComparison.Ordinal) ? 130 : 137, code);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(Stories(once), Stories(db));
        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check;"));
    }

    /// <summary>
    /// Forty events over a month, each reported by several outlets over three days (so many articles share a
    /// publication day), in an order that interleaves the events.
    /// </summary>
    private static void WriteCorpus(string path)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < Articles; i++)
        {
            var evt = i * 7 % 40;
            var day = 1 + (evt % 26) + (i % 3);
            writer.WriteLine(
                $$"""{"id": "a{{i}}", "outlet": "Outlet {{i % 9}}", "published": "2024-03-{{day:00}}", "title": "Flooding {{Word(evt, 0)}} {{Word(evt, 1)}} report {{i}}", "text": "Residents of {{Word(evt, 2)}} said the {{Word(evt, 3)}} river rose overnight near {{Word(evt, 4)}}. Officials from {{Word(evt, 5)}} counted {{i % 17}} homes damaged. Witness {{i}} described {{Word(evt, 6)}} and {{Word(evt, 7)}}."}""");
        }
    }

    private static string Word(int evt, int slot) => string.Create(CultureInfo.InvariantCulture, $"{(char)('b' + slot)}{(char)('a' + evt % 26)}{(char)('k' + evt / 26)}name{slot}");

    /// <summary>The stories as sets of article ids, ordered: what a reader sees, without the story numbers.</summary>
    private static List<string> Stories(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.story_id, a.external_id FROM story_articles s JOIN articles a ON a.id = s.article_id;";
        using var reader = command.ExecuteReader();
        var stories = new Dictionary<long, List<string>>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!stories.TryGetValue(id, out var members))
            {
                stories[id] = members = [];
            }

            members.Add(reader.GetString(1));
        }

        return [.. stories.Values.Select(m => string.Join(' ', m.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }

    private static string Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
