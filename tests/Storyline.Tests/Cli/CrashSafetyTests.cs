using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Storyline.Storage;

namespace Storyline.Tests.Cli;

/// <summary>A process killed mid-ingest loses nothing that was committed, and the next ingest completes the job.</summary>
public sealed class CrashSafetyTests
{
    private const int Articles = 6000;

    [Fact]
    public void Killing_ingest_keeps_committed_batches_and_a_rerun_completes_them()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus.jsonl");
        WriteCorpus(corpus);
        var db = temp.File("s.db");

        using (var cli = CliProcess.Start("ingest", corpus, "--db", db))
        {
            var process = cli.Process;
            var stored = WaitForArticles(db, minimum: 300, process);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.True(stored < Articles, "the process finished before it could be killed; make the corpus larger");
        }

        long survivors;
        using (var store = SqliteStoryStore.Open(db))
        {
            survivors = store.Counts().Articles;
        }

        Assert.True(survivors >= 300, $"only {survivors} articles survived the kill");
        Assert.Equal("ok", Query(db, "PRAGMA integrity_check;"));

        var rerun = CliRunner.Run("ingest", corpus, "--db", db);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"duplicates {survivors}", rerun.Error, StringComparison.Ordinal);
        Assert.Equal(Articles.ToString(System.Globalization.CultureInfo.InvariantCulture), Query(db, "SELECT count(*) FROM articles;"));
        Assert.Equal("0", Query(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles);"));

        // The full-text index caught up with the articles the killed run stored but never indexed.
        Assert.Equal(Articles.ToString(System.Globalization.CultureInfo.InvariantCulture), Query(db, "SELECT count(*) FROM articles_fts_docsize;"));
        Assert.Equal("1", Query(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"report number 17\"';"));
        Assert.Equal("ok", Query(db, "PRAGMA integrity_check;"));
    }

    private static void WriteCorpus(string path)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < Articles; i++)
        {
            var day = 1 + (i % 28);
            writer.WriteLine(
                $$"""{"id": "c{{i}}", "outlet": "Outlet {{i % 7}}", "published": "2024-02-{{day:00}}", "title": "Report number {{i}} on topic {{i % 50}}", "text": "Body of report {{i}}: event {{i % 50}} happened in city {{i % 13}} with detail {{i}}."}""");
        }
    }

    private static long WaitForArticles(string db, long minimum, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            if (File.Exists(db))
            {
                try
                {
                    var count = long.Parse(Query(db, "SELECT count(*) FROM articles;"), System.Globalization.CultureInfo.InvariantCulture);
                    if (count >= minimum)
                    {
                        return count;
                    }
                }
                catch (SqliteException)
                {
                    // The schema is not there yet, or the writer holds a lock: look again.
                }
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"no {minimum} articles stored within 60 s (process exited: {process.HasExited})");
    }

    private static string Query(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
