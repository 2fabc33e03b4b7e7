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
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.Steps[0] + """
                PRAGMA user_version = 1;
                INSERT INTO articles (external_id, source, text, content_hash, ingested_at) VALUES ('old', 'old.txt', 'An old article.', 'h1', '2026-01-01');
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteStoryStore.Open(db);

        Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
        Assert.True(Migrations.LatestVersion >= 2);
        Assert.True(store.Contains("h1", null, "old"));
        Assert.True(store.FindDuplicate("h1", null, "old", null)!.SameSource);
    }

    [Fact]
    public void A_version_2_database_gains_the_analysis_tables()
    {
        using var temp = new TempDirectory();
        var db = temp.File("v2.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.Steps[0] + Migrations.Steps[1] + "PRAGMA user_version = 2;";
            command.ExecuteNonQuery();
        }

        using var store = SqliteStoryStore.Open(db);

        Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
        Assert.Empty(store.GetStoryDetails(1).Entities);
    }
}
