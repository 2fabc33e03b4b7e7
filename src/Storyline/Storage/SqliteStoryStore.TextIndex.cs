using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Storyline.Storage;

/// <summary>The full-text index's catch-up: articles are indexed in bulk after they are stored, not row by row.</summary>
public sealed partial class SqliteStoryStore
{
    /// <summary>
    /// Articles a catch-up transaction indexes: FTS5 indexes a thousand or more at a time about three times as fast as
    /// one at a time (fewer segments to merge), and a grouping write that wants its turn waits for one such batch
    /// (<see cref="WriteTurns"/>): 2,048 made grouping wait 3.6 s in all on 37k articles, 1,024 2.6 s.
    /// </summary>
    private const int IndexBatch = 1024;

    /// <inheritdoc />
    public int IndexPendingText(CancellationToken cancellationToken = default)
    {
        // A connection of its own: this may run on another thread while this store's connection groups.
        using var connection = new SqliteConnection(_connection.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000;", null);
        Execute(connection, "PRAGMA cache_size = -65536;", null);
        var indexed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var turn = _writeTurns.Background();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var next = Command(connection, """
                SELECT CAST(value AS INTEGER), (SELECT max(id) FROM (SELECT id FROM articles WHERE id > CAST(value AS INTEGER) ORDER BY id LIMIT $batch)),
                       (SELECT count(*) FROM (SELECT id FROM articles WHERE id > CAST(value AS INTEGER) ORDER BY id LIMIT $batch))
                FROM settings WHERE key = 'fts_indexed_through';
                """, transaction);
            next.Parameters.AddWithValue("$batch", IndexBatch);
            long from, through;
            int count;
            using (var reader = next.ExecuteReader())
            {
                if (!reader.Read() || reader.IsDBNull(1))
                {
                    return indexed;
                }

                (from, through, count) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2));
            }

            Execute(connection, $"""
                INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles WHERE id > {from} AND id <= {through};
                UPDATE settings SET value = '{through.ToString(CultureInfo.InvariantCulture)}' WHERE key = 'fts_indexed_through';
                """, transaction);
            transaction.Commit();
            indexed += count;
        }

        return indexed;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> FindGroupedByTerms(IReadOnlyList<string> terms, int limit)
    {
        ArgumentNullException.ThrowIfNull(terms);
        // Every pair of the terms, each an FTS5 string (quoted, a quote in it doubled): ("a" AND "b") OR ("a" AND "c") ...
        static string Quoted(string term) => $"\"{term.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        var pairs = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            for (var j = i + 1; j < terms.Count; j++)
            {
                pairs.Add($"({Quoted(terms[i])} AND {Quoted(terms[j])})");
            }
        }

        if (pairs.Count == 0 || limit <= 0)
        {
            return [];
        }

        // Newest first rather than by rank: bm25's statistics would move as the indexer takes in the batch being grouped.
        var command = Prepared("""
            SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid JOIN story_articles s ON s.article_id = a.id
            WHERE articles_fts MATCH $query AND a.published_utc IS NOT NULL ORDER BY a.id DESC LIMIT $limit;
            """);
        command.Parameters.AddWithValue("$query", string.Join(" OR ", pairs));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
