using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Storyline.Storage;

/// <summary>The <see cref="IFeedStore"/> part of the store: tables <c>feeds</c> and <c>feed_entries</c> (migration 12).</summary>
public sealed partial class SqliteStoryStore : IFeedStore
{
    private const string FeedColumns = """
        id, url, title, site_url, last_fetch, last_status, last_error, etag, last_modified, body_hash, next_due,
        consecutive_errors, interval_seconds, articles_stored
        """;

    /// <inheritdoc />
    public bool AddFeed(string url, string? title, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        using var turn = _writeTurns.Foreground();
        using var command = Command("INSERT OR IGNORE INTO feeds (url, title, added_at, next_due) VALUES ($url, $title, $now, $now);");
        command.Parameters.AddWithValue("$url", url);
        command.Parameters.AddWithValue("$title", (object?)title ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", FormatUtc(now));
        return command.ExecuteNonQuery() > 0;
    }

    /// <inheritdoc />
    public bool RemoveFeed(string url)
    {
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        using var entries = Command("DELETE FROM feed_entries WHERE feed_id = (SELECT id FROM feeds WHERE url = $url);", transaction);
        entries.Parameters.AddWithValue("$url", url);
        entries.ExecuteNonQuery();
        using var feed = Command("DELETE FROM feeds WHERE url = $url;", transaction);
        feed.Parameters.AddWithValue("$url", url);
        var removed = feed.ExecuteNonQuery() > 0;
        transaction.Commit();
        return removed;
    }

    /// <inheritdoc />
    public IReadOnlyList<FeedSubscription> ListFeeds()
    {
        using var command = Command($"SELECT {FeedColumns} FROM feeds ORDER BY url;");
        return ReadFeeds(command);
    }

    /// <inheritdoc />
    public IReadOnlyList<FeedSubscription> DueFeeds(DateTimeOffset now, int limit)
    {
        using var command = Command($"SELECT {FeedColumns} FROM feeds WHERE next_due <= $now ORDER BY next_due, id LIMIT $limit;");
        command.Parameters.AddWithValue("$now", FormatUtc(now));
        command.Parameters.AddWithValue("$limit", limit);
        return ReadFeeds(command);
    }

    /// <inheritdoc />
    public DateTimeOffset? NextDue() => ParseUtc(Scalar("SELECT min(next_due) FROM feeds;"));

    /// <inheritdoc />
    public void RecordPoll(FeedPollRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        using var command = Command("""
            UPDATE feeds SET
                last_fetch = $fetched, last_status = $status, last_error = $error, next_due = $due,
                consecutive_errors = $errors,
                interval_seconds = coalesce($interval, interval_seconds),
                etag = CASE WHEN $validators THEN $etag ELSE etag END,
                last_modified = CASE WHEN $validators THEN $modified ELSE last_modified END,
                body_hash = coalesce($body, body_hash),
                title = coalesce($title, title),
                site_url = coalesce($site, site_url),
                articles_stored = articles_stored + $stored
            WHERE id = $id;
            """, transaction);
        var p = command.Parameters;
        p.AddWithValue("$id", record.FeedId);
        p.AddWithValue("$fetched", FormatUtc(record.Fetched));
        p.AddWithValue("$status", (object?)record.Status ?? DBNull.Value);
        p.AddWithValue("$error", (object?)record.Error ?? DBNull.Value);
        p.AddWithValue("$due", FormatUtc(record.NextDue));
        p.AddWithValue("$errors", record.ConsecutiveErrors);
        p.AddWithValue("$interval", record.Interval is { } interval ? (long)interval.TotalSeconds : DBNull.Value);
        p.AddWithValue("$validators", record.Validators is not null);
        p.AddWithValue("$etag", (object?)record.Validators?.ETag ?? DBNull.Value);
        p.AddWithValue("$modified", (object?)record.Validators?.LastModified ?? DBNull.Value);
        p.AddWithValue("$body", (object?)record.BodyHash ?? DBNull.Value);
        p.AddWithValue("$title", (object?)record.Title ?? DBNull.Value);
        p.AddWithValue("$site", (object?)record.SiteUrl ?? DBNull.Value);
        p.AddWithValue("$stored", record.ArticlesStored);
        command.ExecuteNonQuery();
        if (record.MovedTo is { } movedTo)
        {
            // A permanent redirect moves the subscription, unless the new URL is subscribed already.
            using var move = Command("UPDATE OR IGNORE feeds SET url = $url WHERE id = $id;", transaction);
            move.Parameters.AddWithValue("$url", movedTo);
            move.Parameters.AddWithValue("$id", record.FeedId);
            move.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<FeedEntryState> FindEntries(long feedId, string key, string? link, string contentHash)
    {
        var command = Prepared("""
            SELECT entry_key, link, content_hash, external_id FROM feed_entries WHERE feed_id = $feed AND entry_key = $key
            UNION SELECT entry_key, link, content_hash, external_id FROM feed_entries WHERE feed_id = $feed AND link = $link
            UNION SELECT entry_key, link, content_hash, external_id FROM feed_entries WHERE feed_id = $feed AND content_hash = $hash;
            """);
        command.Parameters.AddWithValue("$feed", feedId);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$link", (object?)link ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", contentHash);
        var entries = new List<FeedEntryState>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new FeedEntryState(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries;
    }

    /// <inheritdoc />
    public void RecordEntries(long feedId, IReadOnlyList<FeedEntryState> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        using var command = Command("""
            INSERT INTO feed_entries (feed_id, entry_key, link, content_hash, external_id, first_seen, last_seen)
            VALUES ($feed, $key, $link, $hash, $external, $now, $now)
            ON CONFLICT (feed_id, entry_key) DO UPDATE SET
                link = excluded.link, content_hash = excluded.content_hash, external_id = excluded.external_id, last_seen = excluded.last_seen;
            """, transaction);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var link = command.Parameters.Add("$link", SqliteType.Text);
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        var external = command.Parameters.Add("$external", SqliteType.Text);
        command.Parameters.AddWithValue("$feed", feedId);
        command.Parameters.AddWithValue("$now", FormatUtc(now));
        foreach (var entry in entries)
        {
            key.Value = entry.Key;
            link.Value = (object?)entry.Link ?? DBNull.Value;
            hash.Value = entry.ContentHash;
            external.Value = entry.ExternalId;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static List<FeedSubscription> ReadFeeds(SqliteCommand command)
    {
        var feeds = new List<FeedSubscription>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            feeds.Add(new FeedSubscription
            {
                Id = reader.GetInt64(0),
                Url = reader.GetString(1),
                Title = Text(2),
                SiteUrl = Text(3),
                LastFetch = ParseUtc(Text(4)),
                LastStatus = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                LastError = Text(6),
                ETag = Text(7),
                LastModified = Text(8),
                BodyHash = Text(9),
                NextDue = ParseUtc(Text(10)) ?? DateTimeOffset.MinValue,
                ConsecutiveErrors = reader.GetInt32(11),
                Interval = reader.IsDBNull(12) ? null : TimeSpan.FromSeconds(reader.GetInt64(12)),
                ArticlesStored = reader.GetInt64(13),
            });
        }

        return feeds;
    }
}
