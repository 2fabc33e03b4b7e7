using Microsoft.Data.Sqlite;
using Storyline.Storage;

namespace Storyline.Tests.Cli;

/// <summary>
/// Two <c>ingest</c> processes on one database, new or not, with overlapping inputs: both succeed and no article is
/// lost. Before, the loser died on <c>UNIQUE constraint failed: articles.content_hash</c> having stored none of its
/// articles, or in the schema check ("not a Storyline database") when both created the database.
/// </summary>
public sealed class ConcurrentIngestTests
{
    [Fact]
    public void Two_ingest_processes_creating_one_database_both_succeed_and_store_every_article()
    {
        using var temp = new TempDirectory();
        var first = temp.File("first.jsonl");
        var second = temp.File("second.jsonl");
        WriteCorpus(first, 0, 400);
        WriteCorpus(second, 200, 600); // 200 articles in both
        var db = temp.File("shared.db");

        using var a = CliProcess.Start("ingest", first, "--db", db, "--no-analysis");
        using var b = CliProcess.Start("ingest", second, "--db", db, "--no-analysis");
        var (codeA, codeB) = (a.Wait(), b.Wait());

        Assert.True(codeA == 0, a.Error);
        Assert.True(codeB == 0, b.Error);
        Assert.DoesNotContain("Exception", a.Error + b.Error, StringComparison.Ordinal);
        Assert.Equal(600L, Scalar(db, "SELECT count(*) FROM articles;"));
        Assert.Equal(0L, Scalar(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles);"));
        Assert.Equal(0L, Scalar(db, "SELECT count(*) FROM (SELECT article_id FROM story_articles GROUP BY article_id HAVING count(*) > 1);"));
    }

    [Fact]
    public void A_second_ingest_waits_for_the_first_and_says_so()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        var corpus = temp.File("c.jsonl");
        WriteCorpus(corpus, 0, 50);

        IngestLock held;
        using (SqliteStoryStore.Open(db))
        {
            held = IngestLock.Acquire(db, () => { });
        }

        using var ingest = CliProcess.Start("ingest", corpus, "--db", db, "--no-analysis");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!ingest.Error.Contains("waiting for it to finish", StringComparison.Ordinal) && !ingest.Process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(20);
        }

        var stored = Scalar(db, "SELECT count(*) FROM articles;");
        held.Dispose();
        var code = ingest.Wait();

        Assert.Contains($"storyline: another ingest is writing to {db}; waiting for it to finish", ingest.Error, StringComparison.Ordinal);
        Assert.Equal(0L, stored);
        Assert.Equal(0, code);
        Assert.Equal(50L, Scalar(db, "SELECT count(*) FROM articles;"));
    }

    private static void WriteCorpus(string path, int from, int to)
    {
        using var writer = new StreamWriter(path);
        for (var i = from; i < to; i++)
        {
            writer.WriteLine(
                $$"""{"id": "c{{i}}", "outlet": "Outlet {{i % 5}}", "published": "2024-02-{{1 + (i % 28):00}}", "title": "Report {{i}} on topic {{i % 40}}", "text": "Body of report {{i}}: event {{i % 40}} happened in city {{i % 11}} with detail {{i}}."}""");
        }
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
