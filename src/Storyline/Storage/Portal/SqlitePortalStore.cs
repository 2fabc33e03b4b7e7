using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Storyline.Storage.Portal;

/// <summary>
/// The portal's accounts, views, reactions and posts in the Storyline database (tables of migration 13), on a connection
/// of its own. Thread-safe: calls are serialised (each is a statement or two), so one instance serves a web server.
/// </summary>
public sealed class SqlitePortalStore : IUserStore, IReactionStore, IPostStore, IDisposable
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private SqlitePortalStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the database at <paramref name="path"/>, migrating it first (as <see cref="SqliteStoryStore.Open"/> does).</summary>
    /// <exception cref="StoreException">The file is not a Storyline database, or is newer than this program.</exception>
    public static SqlitePortalStore Open(string path)
    {
        using (SqliteStoryStore.Open(path))
        {
            // Migrated (and switched to WAL) by the story store.
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
            return new SqlitePortalStore(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: cannot open database: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <inheritdoc />
    public PortalUser? AddUser(string name, string? passwordHash, bool isAdmin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_lock)
        {
            using var command = Command("""
                INSERT INTO users (name, password_hash, is_admin, created_at) VALUES ($name, $hash, $admin, $now)
                ON CONFLICT(name) DO NOTHING RETURNING id;
                """);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$hash", (object?)passwordHash ?? DBNull.Value);
            command.Parameters.AddWithValue("$admin", isAdmin ? 1 : 0);
            command.Parameters.AddWithValue("$now", Now(DateTimeOffset.UtcNow));
            return command.ExecuteScalar() is long id ? new PortalUser(id, name, passwordHash, isAdmin) : null;
        }
    }

    /// <inheritdoc />
    public PortalUser? FindUser(string name) => QueryUser("SELECT id, name, password_hash, is_admin FROM users WHERE name = $key;", name);

    /// <inheritdoc />
    public PortalUser? FindUser(long id) => QueryUser("SELECT id, name, password_hash, is_admin FROM users WHERE id = $key;", id);

    /// <inheritdoc />
    public PortalUser? FindByTokenHash(string tokenHash) => QueryUser("""
        SELECT u.id, u.name, u.password_hash, u.is_admin FROM user_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $key;
        """, tokenHash);

    /// <inheritdoc />
    public void ReplaceToken(long userId, string tokenHash)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Command("""
                DELETE FROM user_tokens WHERE user_id = $user;
                INSERT INTO user_tokens (token_hash, user_id, created_at) VALUES ($hash, $user, $now);
                """, transaction);
            command.Parameters.AddWithValue("$user", userId);
            command.Parameters.AddWithValue("$hash", tokenHash);
            command.Parameters.AddWithValue("$now", Now(DateTimeOffset.UtcNow));
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private PortalUser? QueryUser(string sql, object key)
    {
        lock (_lock)
        {
            using var command = Command(sql);
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new PortalUser(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3) != 0)
                : null;
        }
    }

    /// <inheritdoc />
    public long CountView(long articleId, string browser, DateTimeOffset now, TimeSpan window)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = Command("""
                INSERT INTO view_marks (article_id, browser, seen_at) VALUES ($article, $browser, $now)
                ON CONFLICT(article_id, browser) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_at < $since;
                """, transaction);
            command.Parameters.AddWithValue("$article", articleId);
            command.Parameters.AddWithValue("$browser", browser);
            command.Parameters.AddWithValue("$now", Now(now));
            command.Parameters.AddWithValue("$since", Now(now - window));
            if (command.ExecuteNonQuery() > 0)
            {
                using var count = Command("""
                    INSERT INTO article_views (article_id, views) VALUES ($article, 1) ON CONFLICT(article_id) DO UPDATE SET views = views + 1;
                    """, transaction);
                count.Parameters.AddWithValue("$article", articleId);
                count.ExecuteNonQuery();
            }

            var views = ViewsOf(articleId, transaction);
            transaction.Commit();
            return views;
        }
    }

    /// <inheritdoc />
    public long Views(long articleId)
    {
        lock (_lock)
        {
            return ViewsOf(articleId, null);
        }
    }

    private long ViewsOf(long articleId, SqliteTransaction? transaction)
    {
        using var command = Command("SELECT views FROM article_views WHERE article_id = $article;", transaction);
        command.Parameters.AddWithValue("$article", articleId);
        return command.ExecuteScalar() is long views ? views : 0;
    }

    /// <inheritdoc />
    public void React(long articleId, string browser, string reaction, DateTimeOffset now)
    {
        if (!Reactions.IsKnown(reaction))
        {
            throw new ArgumentException($"unknown reaction '{reaction}'", nameof(reaction));
        }

        lock (_lock)
        {
            using var command = Command("""
                INSERT INTO reactions (article_id, browser, reaction, reacted_at) VALUES ($article, $browser, $reaction, $now)
                ON CONFLICT(article_id, browser) DO UPDATE SET reaction = excluded.reaction, reacted_at = excluded.reacted_at;
                """);
            command.Parameters.AddWithValue("$article", articleId);
            command.Parameters.AddWithValue("$browser", browser);
            command.Parameters.AddWithValue("$reaction", reaction);
            command.Parameters.AddWithValue("$now", Now(now));
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> ReactionCounts(long articleId)
    {
        var counts = Reactions.All.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
        lock (_lock)
        {
            using var command = Command("SELECT reaction, count(*) FROM reactions WHERE article_id = $article GROUP BY reaction;");
            command.Parameters.AddWithValue("$article", articleId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (counts.ContainsKey(reader.GetString(0)))
                {
                    counts[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
        }

        return counts;
    }

    /// <inheritdoc />
    public string? ReactionOf(long articleId, string browser)
    {
        lock (_lock)
        {
            using var command = Command("SELECT reaction FROM reactions WHERE article_id = $article AND browser = $browser;");
            command.Parameters.AddWithValue("$article", articleId);
            command.Parameters.AddWithValue("$browser", browser);
            return command.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc />
    public void MoveCounts(long fromArticleId, long? toArticleId)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Command(toArticleId is null
                ? """
                  DELETE FROM article_views WHERE article_id = $from;
                  DELETE FROM view_marks WHERE article_id = $from;
                  DELETE FROM reactions WHERE article_id = $from;
                  """
                : """
                  INSERT INTO article_views (article_id, views) SELECT $to, views FROM article_views WHERE article_id = $from
                      ON CONFLICT(article_id) DO UPDATE SET views = views + excluded.views;
                  DELETE FROM article_views WHERE article_id = $from;
                  UPDATE OR REPLACE view_marks SET article_id = $to WHERE article_id = $from;
                  UPDATE OR REPLACE reactions SET article_id = $to WHERE article_id = $from;
                  """, transaction);
            command.Parameters.AddWithValue("$from", fromArticleId);
            command.Parameters.AddWithValue("$to", (object?)toArticleId ?? DBNull.Value);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public Post AddPost(long userId, string title, string markdown, DateTimeOffset now)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = Command("""
                INSERT INTO posts (user_id, external_id, title, markdown, created_at, updated_at)
                VALUES ($user, 'post-' || (SELECT coalesce(max(id), 0) + 1 FROM posts), $title, $markdown, $now, $now) RETURNING id, external_id;
                """, transaction);
            command.Parameters.AddWithValue("$user", userId);
            command.Parameters.AddWithValue("$title", title);
            command.Parameters.AddWithValue("$markdown", markdown);
            command.Parameters.AddWithValue("$now", Now(now));
            using var reader = command.ExecuteReader();
            reader.Read();
            var post = new Post(reader.GetInt64(0), userId, reader.GetString(1), title, markdown, Now(now));
            reader.Close();
            transaction.Commit();
            return post;
        }
    }

    /// <inheritdoc />
    public void UpdatePost(long postId, string title, string markdown, DateTimeOffset now)
    {
        lock (_lock)
        {
            using var command = Command("UPDATE posts SET title = $title, markdown = $markdown, updated_at = $now WHERE id = $id;");
            command.Parameters.AddWithValue("$id", postId);
            command.Parameters.AddWithValue("$title", title);
            command.Parameters.AddWithValue("$markdown", markdown);
            command.Parameters.AddWithValue("$now", Now(now));
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void RemovePost(long postId)
    {
        lock (_lock)
        {
            using var command = Command("DELETE FROM posts WHERE id = $id;");
            command.Parameters.AddWithValue("$id", postId);
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public Post? FindPost(long postId) => QueryPost("WHERE id = $key", postId);

    /// <inheritdoc />
    public Post? FindPostByArticle(string externalId) => QueryPost("WHERE external_id = $key", externalId);

    private Post? QueryPost(string where, object key)
    {
        lock (_lock)
        {
            using var command = Command($"SELECT id, user_id, external_id, title, markdown, created_at FROM posts {where};");
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new Post(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))
                : null;
        }
    }

    private static string Now(DateTimeOffset time) => time.ToUniversalTime().ToString(UtcFormat, CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
