using Microsoft.Data.Sqlite;
using Storyline.Storage;

namespace Storyline.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public void A_version_1_database_is_migrated_forward_keeping_its_articles()
    {
        using var temp = new TempDirectory();
        var db = temp.File("v1.db");
        Execute(db, Migrations.Steps[0] + """
                PRAGMA user_version = 1;
                INSERT INTO articles (external_id, source, text, content_hash, ingested_at) VALUES ('old', 'old.txt', 'An old article.', 'h1', '2026-01-01');
                """);

        using var store = SqliteStoryStore.Open(db);

        Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
        Assert.True(Migrations.LatestVersion >= 2);
        Assert.True(store.Contains("h1", null, "old"));
        Assert.True(store.FindDuplicate("h1", null, "old", null)!.SameSource);
    }

    [Fact]
    public void The_full_text_index_gathers_postings_in_16_MB_before_writing_a_segment()
    {
        // An SQLite without the 'hashsize' setting would fail this migration; with it, the value is kept in the index.
        using var temp = new TempDirectory();
        var db = temp.File("new.db");
        using (SqliteStoryStore.Open(db))
        {
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM articles_fts_config WHERE k = 'hashsize';";
        Assert.Equal(16L * 1024 * 1024, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_version_2_database_gains_the_analysis_tables()
    {
        using var temp = new TempDirectory();
        var db = temp.File("v2.db");
        Execute(db, Migrations.Steps[0] + Migrations.Steps[1] + "PRAGMA user_version = 2;");

        using var store = SqliteStoryStore.Open(db);

        Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
        Assert.Empty(store.GetStoryDetails(1).Entities);
    }

    [Fact]
    public void A_version_5_database_keeps_its_full_text_index_and_indexes_new_articles_in_bulk()
    {
        using var temp = new TempDirectory();
        var db = temp.File("v5.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Version 5 indexed each article by trigger as it was inserted.
            command.CommandText = string.Concat(Migrations.Steps.Take(5)) + """
                PRAGMA user_version = 5;
                INSERT INTO articles (id, external_id, source, title, text, content_hash, ingested_at) VALUES (1, 'a', 'a.txt', 'Harbour', 'The old harbour reopened.', 'h1', '2026-01-01');
                """;
            command.ExecuteNonQuery();
        }

        using (var store = SqliteStoryStore.Open(db))
        {
            Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
            Assert.Equal(0, store.IndexPendingText());
            Assert.Equal(1, Assert.Single(store.Search("harbour", 10)).Article.Id);
        }

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        // An article stored since, then changed: the update trigger leaves the index alone until it is indexed.
        query.CommandText = """
            INSERT INTO articles (id, external_id, source, title, text, content_hash, ingested_at) VALUES (2, 'b', 'b.txt', 'Bridge', 'The new bridge opened.', 'h2', '2026-01-02');
            UPDATE articles SET text = 'The new bridge opened at last.' WHERE id = 2;
            INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');
            """;
        query.ExecuteNonQuery();
        using var reopened = SqliteStoryStore.Open(db);
        Assert.Equal(1, reopened.IndexPendingText());
        Assert.Equal(2, Assert.Single(reopened.Search("\"at last\"", 10)).Article.Id);
        query.CommandText = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);";
        query.ExecuteNonQuery();
    }

    [Fact]
    public void A_version_7_database_has_its_escaped_outlet_names_cleaned_and_merged()
    {
        using var temp = new TempDirectory();
        var db = temp.File("v7.db");
        Execute(db, string.Concat(Migrations.Steps.Take(7)) + """
                PRAGMA user_version = 7;
                INSERT INTO outlets (id, name) VALUES (1, 'Law360 \(subscription\)'), (2, 'Yahoo!7 News'), (3, 'Yahoo\!7 News'), (4, 'A\(b\)'), (5, 'A\(b)'), (6, 'Plain');
                INSERT INTO articles (id, external_id, source, outlet_id, text, content_hash, ingested_at) VALUES
                    (1, 'u1', 'u', 1, 'One.', 'h1', '2026-01-01'), (2, 'u2', 'u', 2, 'Two.', 'h2', '2026-01-01'),
                    (3, 'u3', 'u', 3, 'Three.', 'h3', '2026-01-01'), (4, 'u4', 'u', 4, 'Four.', 'h4', '2026-01-01'),
                    (5, 'u5', 'u', 5, 'Five.', 'h5', '2026-01-01'), (6, 'u2', 'u', 3, 'Six.', 'h6', '2026-01-01');
                INSERT INTO article_aliases (article_id, outlet, external_id, url, source) VALUES (1, 'Law360 \(subscription\)', 'x1', NULL, 'x');
                """);

        using (var store = SqliteStoryStore.Open(db))
        {
            Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
            // Found again under the clean names ingest now gives: idempotent re-ingest.
            Assert.True(store.FindDuplicate("other", "Law360 (subscription)", "u1", null)!.SameSource);
            Assert.True(store.FindDuplicate("other", "Yahoo!7 News", "u3", null)!.SameSource);
            Assert.True(store.FindDuplicate("other", "A(b)", "u5", null)!.SameSource);
            Assert.True(store.FindDuplicate("h1", "Law360 (subscription)", "x1", null)!.SameSource);
        }

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT group_concat(id || '=' || name, '; ') FROM (SELECT id, name FROM outlets ORDER BY id);";
        // Article 6 ("u2" of the escaped Yahoo) would clash with article 2 ("u2" of the clean one): it keeps its outlet.
        Assert.Equal("1=Law360 (subscription); 2=Yahoo!7 News; 3=Yahoo\\!7 News; 4=A(b); 6=Plain", (string)query.ExecuteScalar()!);
        query.CommandText = "SELECT group_concat(id || ':' || outlet_id, ' ') FROM (SELECT id, outlet_id FROM articles ORDER BY id);";
        Assert.Equal("1:1 2:2 3:2 4:4 5:4 6:3", (string)query.ExecuteScalar()!);
    }

    [Fact]
    public void A_version_4_database_keeps_every_entity_mention_as_one_row_per_name()
    {
        using var temp = new TempDirectory();
        var db = temp.File("v4.db");
        Execute(db, string.Concat(Migrations.Steps.Take(4)) + """
                PRAGMA user_version = 4;
                INSERT INTO articles (id, external_id, source, text, content_hash, ingested_at) VALUES (1, 'a', 'a.txt', 'Novikov said. Dmitry Novikov.', 'h1', '2026-01-01');
                INSERT INTO stories (id, title, created_at) VALUES (7, 't', '2026-01-01');
                INSERT INTO story_articles (article_id, story_id, similarity) VALUES (1, 7, 1);
                INSERT INTO article_entities (article_id, type, start, end, text, canonical) VALUES (1, 'PER', 14, 28, 'Dmitry Novikov', 'Dmitry Novikov');
                INSERT INTO article_entities (article_id, type, start, end, text, canonical) VALUES (1, 'PER', 0, 7, 'Novikov', 'Dmitry Novikov');
                """);

        using (var store = SqliteStoryStore.Open(db))
        {
            Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
            var person = Assert.Single(store.GetStoryDetails(7).Entities);
            Assert.Equal("Dmitry Novikov", person.Name);
        }

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT mentions, spans FROM article_names WHERE article_id = 1 AND canonical = 'Dmitry Novikov';";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(2, reader.GetInt32(0));
        Assert.Equal("0-7 14-28", reader.GetString(1));
    }

    /// <summary>Runs SQL on a database file as an older version of the program would have written it.</summary>
    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
