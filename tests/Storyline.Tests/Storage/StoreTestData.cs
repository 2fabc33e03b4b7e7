using Microsoft.Data.Sqlite;
using Storyline.Dedup;
using Storyline.Extraction;
using Storyline.Storage;

namespace Storyline.Tests.Storage;

/// <summary>Articles and raw database access for the storage tests.</summary>
internal static class StoreTestData
{
    /// <summary>An article ready to store; its hash is the content hash of <paramref name="text"/> unless given.</summary>
    public static NewArticle Article(
        string externalId,
        string text,
        string? outlet = "Example News",
        string? title = null,
        string? published = null,
        string? hash = null) => new(
        new Article
        {
            Source = $"{externalId}.txt",
            ExternalId = externalId,
            Title = title ?? $"Title of {externalId}",
            Outlet = outlet,
            Url = $"https://example.com/{externalId}",
            Published = DateParser.Parse(published),
            Authors = ["Ann Lee"],
            Paragraphs = [text],
            Metadata = new Dictionary<string, string> { ["category"] = "b" },
        },
        hash ?? ContentHash.Compute(text));

    /// <summary>A separate, unpooled connection to the database file (not the store's own).</summary>
    public static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs one statement on a separate connection and returns its first value.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Runs statements on a separate connection.</summary>
    public static void Execute(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
