using Microsoft.Data.Sqlite;
using SQLitePCL;
using Storyline.Analysis;
using Storyline.Analysis.Entities;

namespace Storyline.Storage;

/// <summary>
/// Writes an article's names (one row per name, its mentions as offsets), quotes and cited sources with
/// three SQLite statements prepared once per batch and bound by position: ingest writes ~100 such rows an
/// article, and Microsoft.Data.Sqlite's named parameters cost a name lookup, a boxed value and a
/// parameter-type check per value, a large share of the storing thread's time.
/// </summary>
internal sealed class AnalysisRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _entity;
    private readonly sqlite3_stmt _source;
    private readonly sqlite3_stmt _quote;

    // Reused across articles: the mentions of each distinct (label, canonical) name, chained in text order.
    private readonly Dictionary<(EntityType, string), int> _nameSlots = [];
    private readonly List<(int First, int Last, int Count)> _names = [];
    private int[] _nextMention = new int[256];
    private byte[] _spans = new byte[1024];

    public AnalysisRowWriter(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _entity = Prepare("INSERT INTO article_names (article_id, type, canonical, mentions, spans) VALUES (?, ?, ?, ?, ?);");
        _source = Prepare("INSERT INTO article_sources (article_id, name, start, \"end\", cue) VALUES (?, ?, ?, ?, ?);");
        _quote = Prepare("""
            INSERT INTO article_quotes (article_id, start, "end", text, cue, speaker, speaker_start, speaker_end, direct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
            """);
    }

    public void Write(long articleId, ArticleAnalysis analysis)
    {
        foreach (var q in analysis.Quotes)
        {
            raw.sqlite3_bind_int64(_quote, 1, articleId);
            raw.sqlite3_bind_int64(_quote, 2, q.Start);
            raw.sqlite3_bind_int64(_quote, 3, q.End);
            Bind(_quote, 4, q.Text);
            Bind(_quote, 5, q.Cue);
            Bind(_quote, 6, q.Speaker);
            Bind(_quote, 7, q.SpeakerStart);
            Bind(_quote, 8, q.SpeakerEnd);
            raw.sqlite3_bind_int64(_quote, 9, q.Direct ? 1 : 0);
            Step(_quote);
        }

        WriteNames(articleId, analysis.Entities);
        foreach (var cited in analysis.Sources)
        {
            raw.sqlite3_bind_int64(_source, 1, articleId);
            Bind(_source, 2, cited.Name);
            raw.sqlite3_bind_int64(_source, 3, cited.Start);
            raw.sqlite3_bind_int64(_source, 4, cited.End);
            Bind(_source, 5, cited.Cue);
            Step(_source);
        }
    }

    public void Dispose()
    {
        _entity.Dispose();
        _source.Dispose();
        _quote.Dispose();
    }

    /// <summary>One row per distinct name in order of first mention, its mentions as "start-end" pairs.</summary>
    private void WriteNames(long articleId, IReadOnlyList<EntityMention> mentions)
    {
        if (_nextMention.Length < mentions.Count)
        {
            _nextMention = new int[Math.Max(mentions.Count, _nextMention.Length * 2)];
        }

        _nameSlots.Clear();
        _names.Clear();
        for (var m = 0; m < mentions.Count; m++)
        {
            _nextMention[m] = -1;
            var key = (mentions[m].Type, mentions[m].Canonical);
            if (_nameSlots.TryGetValue(key, out var slot))
            {
                var (first, last, count) = _names[slot];
                _nextMention[last] = m;
                _names[slot] = (first, m, count + 1);
            }
            else
            {
                _nameSlots.Add(key, _names.Count);
                _names.Add((m, m, 1));
            }
        }

        foreach (var (first, _, count) in _names)
        {
            var length = 0;
            for (var m = first; m >= 0; m = _nextMention[m])
            {
                // Two offsets of at most 11 characters, a dash and a space.
                if (_spans.Length - length < 24)
                {
                    Array.Resize(ref _spans, _spans.Length * 2);
                }

                if (m != first)
                {
                    _spans[length++] = (byte)' ';
                }

                mentions[m].Start.TryFormat(_spans.AsSpan(length), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
                length += written;
                _spans[length++] = (byte)'-';
                mentions[m].End.TryFormat(_spans.AsSpan(length), out written, provider: System.Globalization.CultureInfo.InvariantCulture);
                length += written;
            }

            var mention = mentions[first];
            raw.sqlite3_bind_int64(_entity, 1, articleId);
            Bind(_entity, 2, mention.Label);
            Bind(_entity, 3, mention.Canonical);
            raw.sqlite3_bind_int64(_entity, 4, count);
            raw.sqlite3_bind_text(_entity, 5, _spans.AsSpan(0, length));
            Step(_entity);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private static void Bind(sqlite3_stmt statement, int index, string? value) =>
        _ = value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value);

    private static void Bind(sqlite3_stmt statement, int index, int? value) =>
        _ = value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
