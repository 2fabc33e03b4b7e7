using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Clustering;

namespace Storyline.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, schema migrated forward on open, an FTS5 index over
/// title and text. One writer at a time (SQLite's rule); not thread-safe — open one per thread.
/// </summary>
public sealed partial class SqliteStoryStore : IStoryStore
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _outletIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly WriteTurns _writeTurns = new();

    static SqliteStoryStore() => SqliteLibrary.EnsureConfigured();

    private SqliteStoryStore(SqliteConnection connection) => _connection = connection;

    /// <summary>The schema version of this database after opening.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Whether this store was opened for reading only (<see cref="OpenForReading"/>): it never writes.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and migrates it to the latest schema.</summary>
    /// <exception cref="StoreException">The file is not a Storyline database, or is newer than this program.</exception>
    public static SqliteStoryStore Open(string path) => Connect(path, SqliteOpenMode.ReadWriteCreate);

    /// <summary>
    /// Opens an existing database for the reading commands without writing to it (so a read-only file or
    /// directory can be queried, and a mistyped path is not created as an empty database). A database written
    /// by an older Storyline is migrated first, which needs write access.
    /// </summary>
    /// <exception cref="StoreException">No database at the path, it is not Storyline's, or it cannot be read.</exception>
    public static SqliteStoryStore OpenForReading(string path)
    {
        CheckPath(path);
        if (!File.Exists(path))
        {
            throw new StoreException($"{path}: no such database (create one with 'storyline ingest' or 'storyline feeds add')");
        }

        SqliteStoryStore store;
        try
        {
            store = Connect(path, SqliteOpenMode.ReadOnly);
        }
        catch (StoreException e) when (e.InnerException is SqliteException { SqliteErrorCode: 8 or 14 })
        {
            // A WAL database in a directory this user cannot write to: readers need the shared-memory file beside
            // it, which cannot be made. Nothing can be writing to it then (a writer needs the directory too), so it
            // is read as an immutable file.
            store = Connect(new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly, checkedPath: path);
        }

        if (store.SchemaVersion == Migrations.LatestVersion)
        {
            return store;
        }

        store.Dispose();
        return Open(path);
    }

    private static void CheckPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new StoreException("the database path is empty (--db names the file)");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreException($"{path}: directory does not exist");
        }

        if (Directory.Exists(path))
        {
            throw new StoreException($"{path}: is a directory, not a database file");
        }
    }

    private static SqliteStoryStore Connect(string path, SqliteOpenMode mode, string? checkedPath = null)
    {
        CheckPath(checkedPath ?? path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var store = new SqliteStoryStore(connection) { IsReadOnly = mode == SqliteOpenMode.ReadOnly };
            if (store.IsReadOnly)
            {
                store.CheckReadable();
            }
            else
            {
                store.Initialise();
            }

            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{checkedPath ?? path}: cannot open database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
        _writeTurns.Dispose();
    }

    /// <summary>A command for a per-article query, prepared once and reused (parameters cleared); not for use inside a transaction.</summary>
    private SqliteCommand Prepared(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Command(sql);
            _prepared[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// Checks that the database is Storyline's and migrates it. The check and each migration step run under SQLite's
    /// write lock (BEGIN IMMEDIATE), so that two processes opening one new database take turns instead of one seeing
    /// the other's half-made schema; a refused file is left exactly as it was.
    /// </summary>
    private void Initialise()
    {
        Execute("PRAGMA busy_timeout = 30000;");
        using (var check = _connection.BeginTransaction(deferred: false))
        {
            CheckIdentity(check);
        }

        // Only a database known to be ours is switched to WAL: a refused file is left as it was.
        Execute("PRAGMA journal_mode = WAL;");
        Execute("PRAGMA synchronous = NORMAL;");
        Execute("PRAGMA foreign_keys = ON;");

        // Ingest inserts into B-trees keyed at random (entity names, the full-text index): with SQLite's
        // default 2 MB page cache every insert reads pages back once the database outgrows it.
        Execute("PRAGMA cache_size = -65536;");

        while (true)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var version = UserVersion(transaction);
            if (version >= Migrations.LatestVersion)
            {
                break;
            }

            Execute(Migrations.Steps[version], transaction);
            Execute($"PRAGMA user_version = {version + 1};", transaction);
            transaction.Commit();
        }

        SchemaVersion = Migrations.LatestVersion;
    }

    /// <summary>Checks, without writing, that a database opened read-only is Storyline's.</summary>
    private void CheckReadable()
    {
        Execute("PRAGMA busy_timeout = 30000;");
        Execute("PRAGMA query_only = ON;");
        using var transaction = _connection.BeginTransaction(deferred: true);
        SchemaVersion = CheckIdentity(transaction);
    }

    /// <summary>
    /// The schema version, after checking the database is Storyline's: empty (new), or with Storyline's own
    /// tables. Another program's database — tables without a version, or a version without our tables — is refused
    /// before anything is written to it.
    /// </summary>
    private int CheckIdentity(SqliteTransaction transaction)
    {
        var version = UserVersion(transaction);
        if (version > Migrations.LatestVersion)
        {
            throw new StoreException($"{_connection.DataSource}: database schema version {version} is newer than this program's ({Migrations.LatestVersion}); upgrade Storyline");
        }

        using var command = Command("""
            SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name IN ('outlets', 'articles', 'stories', 'story_articles', 'term_stats', 'settings'))
            FROM sqlite_master;
            """, transaction);
        using var reader = command.ExecuteReader();
        reader.Read();
        var (objects, ours) = (reader.GetInt64(0), reader.GetInt64(1));
        if (version == 0 && objects > 0)
        {
            throw new StoreException($"{_connection.DataSource}: not a Storyline database (it has tables but no schema version)");
        }

        if (version > 0 && ours < 6)
        {
            throw new StoreException($"{_connection.DataSource}: not a Storyline database (schema version {version} but not Storyline's tables)");
        }

        return version;
    }

    private int UserVersion(SqliteTransaction transaction)
    {
        using var command = Command("PRAGMA user_version;", transaction);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool Contains(string contentHash, string? outlet, string externalId)
    {
        using var command = Command("""
            SELECT EXISTS(SELECT 1 FROM articles WHERE content_hash = $hash)
                OR EXISTS(SELECT 1 FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = $outlet AND a.external_id = $external);
            """);
        command.Parameters.AddWithValue("$hash", contentHash);
        command.Parameters.AddWithValue("$outlet", (object?)outlet ?? DBNull.Value);
        command.Parameters.AddWithValue("$external", externalId);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> AddArticles(IReadOnlyList<NewArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var ids = new List<long>(articles.Count);
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        try
        {
            using var insert = Command("""
                INSERT INTO articles (external_id, source, url, outlet_id, title, published, published_utc, published_raw,
                                      authors, language, syndication_origin, text, content_hash, metadata, ingested_at)
                VALUES ($external, $source, $url, $outlet, $title, $published, $utc, $raw,
                        $authors, $language, $origin, $text, $hash, $metadata, $now)
                ON CONFLICT DO NOTHING
                RETURNING id;
                """, transaction);
            var now = DateTimeOffset.UtcNow.ToString(UtcFormat, CultureInfo.InvariantCulture);
            using var signature = Command("INSERT INTO article_signatures (article_id, shingles, signature) VALUES ($id, $shingles, $signature);", transaction);
            var signatureId = signature.Parameters.Add("$id", SqliteType.Integer);
            var shingles = signature.Parameters.Add("$shingles", SqliteType.Integer);
            var signatureBytes = signature.Parameters.Add("$signature", SqliteType.Blob);
            using var analysisRows = new AnalysisRowWriter(_connection);
            foreach (var (article, hash, minHash, analysis) in articles)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$external", article.ExternalId);
                insert.Parameters.AddWithValue("$source", article.Source);
                insert.Parameters.AddWithValue("$url", Db(article.Url));
                insert.Parameters.AddWithValue("$outlet", article.Outlet is null ? DBNull.Value : OutletId(article.Outlet, transaction));
                insert.Parameters.AddWithValue("$title", Db(article.Title));
                insert.Parameters.AddWithValue("$published", Db(article.Published?.ToString()));
                insert.Parameters.AddWithValue("$utc", Db(article.Published?.Utc.ToString(UtcFormat, CultureInfo.InvariantCulture)));
                insert.Parameters.AddWithValue("$raw", Db(article.Published?.Original));
                insert.Parameters.AddWithValue("$authors", JsonSerializer.Serialize(article.Authors, StorageJson.Default.IReadOnlyListString));
                insert.Parameters.AddWithValue("$language", Db(article.Language));
                insert.Parameters.AddWithValue("$origin", Db(article.SyndicationOrigin));
                insert.Parameters.AddWithValue("$text", article.Text);
                insert.Parameters.AddWithValue("$hash", hash);
                insert.Parameters.AddWithValue("$metadata", JsonSerializer.Serialize(article.Metadata, StorageJson.Default.IReadOnlyDictionaryStringString));
                insert.Parameters.AddWithValue("$now", now);
                // Checked again here, under the write lock: another process may have stored the same article since
                // this one looked (two ingests of overlapping inputs). It is then a duplicate, not an error.
                if (insert.ExecuteScalar() is not long id)
                {
                    continue;
                }

                ids.Add(id);
                if (minHash is not null)
                {
                    signatureId.Value = id;
                    shingles.Value = minHash.ShingleCount;
                    signatureBytes.Value = minHash.ToBytes();
                    signature.ExecuteNonQuery();
                }

                if (analysis is not null)
                {
                    analysisRows.Write(id, analysis);
                }
            }

            transaction.Commit();
        }
        catch
        {
            _outletIds.Clear(); // ids cached inside the rolled-back transaction are gone
            throw;
        }

        return ids;
    }

    /// <inheritdoc />
    public DuplicateMatch? FindDuplicate(string contentHash, string? outlet, string externalId, string? url, bool idDerived = false)
    {
        if (outlet is not null && !idDerived)
        {
            var byIdentity = Prepared("SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = $outlet AND a.external_id = $external;");
            byIdentity.Parameters.AddWithValue("$outlet", outlet);
            byIdentity.Parameters.AddWithValue("$external", externalId);
            if (byIdentity.ExecuteScalar() is long sameId)
            {
                return new DuplicateMatch(sameId, SameSource: true);
            }
        }

        var byHash = Prepared("""
            SELECT a.id,
                   (coalesce(o.name, '') = coalesce($outlet, '') AND coalesce(a.url, '') = coalesce($url, '')
                    AND (a.external_id = $external OR ($derived AND substr(a.external_id, 1, length($external) + 1) = $external || '~')))
                   OR EXISTS (SELECT 1 FROM article_aliases x WHERE x.article_id = a.id AND coalesce(x.outlet, '') = coalesce($outlet, '')
                              AND x.external_id = $external AND coalesce(x.url, '') = coalesce($url, ''))
            FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.content_hash = $hash;
            """);
        byHash.Parameters.AddWithValue("$hash", contentHash);
        byHash.Parameters.AddWithValue("$outlet", Db(outlet));
        byHash.Parameters.AddWithValue("$external", externalId);
        byHash.Parameters.AddWithValue("$url", Db(url));
        byHash.Parameters.AddWithValue("$derived", idDerived);
        using var reader = byHash.ExecuteReader();
        return reader.Read() ? new DuplicateMatch(reader.GetInt64(0), reader.GetInt64(1) != 0) : null;
    }

    /// <inheritdoc />
    public void AddAliases(IReadOnlyList<(long ArticleId, Extraction.Article Article)> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        using var insert = Command("""
            INSERT OR IGNORE INTO article_aliases (article_id, outlet, external_id, url, source)
            VALUES ($article, $outlet, $external, $url, $source);
            """, transaction);
        foreach (var (articleId, article) in aliases)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$article", articleId);
            insert.Parameters.AddWithValue("$outlet", Db(article.Outlet));
            insert.Parameters.AddWithValue("$external", article.ExternalId);
            insert.Parameters.AddWithValue("$url", Db(article.Url));
            insert.Parameters.AddWithValue("$source", article.Source);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private long OutletId(string name, SqliteTransaction transaction)
    {
        if (_outletIds.TryGetValue(name, out var id))
        {
            return id;
        }

        using var upsert = Command("INSERT INTO outlets(name) VALUES ($name) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id;", transaction);
        upsert.Parameters.AddWithValue("$name", name);
        id = Convert.ToInt64(upsert.ExecuteScalar(), CultureInfo.InvariantCulture);
        _outletIds[name] = id;
        return id;
    }

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    internal static DateTimeOffset? ParseUtc(object? value) =>
        value is string s && DateTimeOffset.TryParseExact(s, UtcFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    internal static string FormatUtc(DateTimeOffset time) => time.ToUniversalTime().ToString(UtcFormat, CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null) => Command(_connection, sql, transaction);

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private void Execute(string sql, SqliteTransaction? transaction = null) => Execute(_connection, sql, transaction);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        using var command = Command(connection, sql, transaction);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }
}
