using Storyline.Analysis.Entities;

namespace Storyline.Storage;

/// <summary>What the comparison stage reads: a story's articles with their texts, quotes, sources and names.</summary>
public sealed partial class SqliteStoryStore : IComparisonSource
{
    /// <inheritdoc />
    public StoryForComparison? ReadForComparison(long storyId)
    {
        var story = Scalar($"SELECT id FROM stories WHERE id = {storyId};") is long found ? found
            : Scalar($"SELECT story_id FROM story_aliases WHERE old_id = {storyId};") as long?;
        if (story is not { } id)
        {
            return null;
        }

        var title = Scalar($"SELECT title FROM stories WHERE id = {id};") as string;
        var rows = new List<(long Row, ArticleForComparison Article)>();
        using (var command = Command("""
            SELECT a.id, a.external_id, o.name, a.title, a.published, a.text, c.external_id, a.syndication_origin FROM story_articles s
            JOIN articles a ON a.id = s.article_id LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN articles c ON c.id = a.copy_of
            WHERE s.story_id = $story ORDER BY a.published_utc IS NULL, a.published_utc, a.id;
            """))
        {
            command.Parameters.AddWithValue("$story", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), new ArticleForComparison(reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                    NullableString(reader, 4), reader.GetString(5), NullableString(reader, 6), NullableString(reader, 7))));
            }
        }

        var quotes = StoryRows(id, "SELECT q.article_id, q.start, q.end, q.text, q.speaker, q.direct FROM article_quotes q JOIN story_articles s ON s.article_id = q.article_id WHERE s.story_id = $story ORDER BY q.article_id, q.start, q.end;",
            r => new ArticleQuote(r.GetInt32(1), r.GetInt32(2), r.GetString(3), NullableString(r, 4), r.GetInt64(5) != 0));
        var sources = StoryRows(id, "SELECT c.article_id, c.name FROM article_sources c JOIN story_articles s ON s.article_id = c.article_id WHERE s.story_id = $story ORDER BY c.article_id, c.start;",
            r => r.GetString(1));
        var names = StoryRows(id, "SELECT e.article_id, e.type, e.canonical, e.mentions FROM article_names e JOIN story_articles s ON s.article_id = e.article_id WHERE s.story_id = $story ORDER BY e.article_id, e.mentions DESC, e.canonical;",
            r => (Type: Labels.Parse(r.GetString(1)), Name: r.GetString(2), Mentions: r.GetInt32(3)));
        var articles = rows.Select(row => row.Article with
        {
            Quotes = quotes.TryGetValue(row.Row, out var q) ? q : [],
            Sources = sources.TryGetValue(row.Row, out var s) ? [.. s.Distinct(StringComparer.Ordinal)] : [],
            Names = names.TryGetValue(row.Row, out var n) ? [.. n.Where(e => e.Type is not null).Select(e => (e.Type!.Value, e.Name, e.Mentions))] : [],
        }).ToList();
        return new StoryForComparison(id, title, articles);
    }

    /// <summary>Rows of a per-article table for one story, by article row id (the first column).</summary>
    private Dictionary<long, List<T>> StoryRows<T>(long storyId, string sql, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read)
    {
        var result = new Dictionary<long, List<T>>();
        using var command = Command(sql);
        command.Parameters.AddWithValue("$story", storyId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var article = reader.GetInt64(0);
            if (!result.TryGetValue(article, out var list))
            {
                result[article] = list = [];
            }

            list.Add(read(reader));
        }

        return result;
    }
}
