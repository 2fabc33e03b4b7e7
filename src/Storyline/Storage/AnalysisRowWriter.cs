using Microsoft.Data.Sqlite;
using Storyline.Analysis;
using Storyline.Analysis.Entities;

namespace Storyline.Storage;

/// <summary>
/// Writes an article's names (one row per name, its mentions as offsets), quotes and cited sources with
/// three <see cref="RawStatement"/>s prepared once per batch and bound by position: ingest writes ~100 such
/// rows an article, and Microsoft.Data.Sqlite's named parameters cost a name lookup, a boxed value and a
/// parameter-type check per value, a large share of the storing thread's time.
/// </summary>
internal sealed class AnalysisRowWriter : IDisposable
{
    private readonly RawStatement _entity;
    private readonly RawStatement _source;
    private readonly RawStatement _quote;

    // Reused across articles: the mentions of each distinct (label, canonical) name, chained in text order.
    private readonly Dictionary<(EntityType, string), int> _nameSlots = [];
    private readonly List<(int First, int Last, int Count)> _names = [];
    private int[] _nextMention = new int[256];
    private byte[] _spans = new byte[1024];

    public AnalysisRowWriter(SqliteConnection connection)
    {
        _entity = new RawStatement(connection, "INSERT INTO article_names (article_id, type, canonical, mentions, spans) VALUES (?, ?, ?, ?, ?);");
        _source = new RawStatement(connection, "INSERT INTO article_sources (article_id, name, start, \"end\", cue) VALUES (?, ?, ?, ?, ?);");
        _quote = new RawStatement(connection, """
            INSERT INTO article_quotes (article_id, start, "end", text, cue, speaker, speaker_start, speaker_end, direct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
            """);
    }

    public void Write(long articleId, ArticleAnalysis analysis)
    {
        foreach (var q in analysis.Quotes)
        {
            _quote.Bind(1, articleId);
            _quote.Bind(2, q.Start);
            _quote.Bind(3, q.End);
            _quote.Bind(4, q.Text);
            _quote.Bind(5, q.Cue);
            _quote.Bind(6, q.Speaker);
            _quote.BindNullable(7, q.SpeakerStart);
            _quote.BindNullable(8, q.SpeakerEnd);
            _quote.Bind(9, q.Direct ? 1 : 0);
            _quote.Execute();
        }

        WriteNames(articleId, analysis.Entities);
        foreach (var cited in analysis.Sources)
        {
            _source.Bind(1, articleId);
            _source.Bind(2, cited.Name);
            _source.Bind(3, cited.Start);
            _source.Bind(4, cited.End);
            _source.Bind(5, cited.Cue);
            _source.Execute();
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
            _entity.Bind(1, articleId);
            _entity.Bind(2, mention.Label);
            _entity.Bind(3, mention.Canonical);
            _entity.Bind(4, count);
            _entity.BindUtf8(5, _spans.AsSpan(0, length));
            _entity.Execute();
        }
    }
}
