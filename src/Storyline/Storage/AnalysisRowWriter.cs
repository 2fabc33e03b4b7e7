using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyline.Analysis;

namespace Storyline.Storage;

/// <summary>
/// Writes an article's names (one row per name, its mentions as offsets), quotes and cited sources with
/// three statements whose parameters are made once and rebound per row: ingest spent a quarter of its
/// store time building parameter objects afresh for every row.
/// </summary>
internal sealed class AnalysisRowWriter : IDisposable
{
    private readonly SqliteCommand _entity;
    private readonly SqliteCommand _source;
    private readonly SqliteCommand _quote;
    private readonly SqliteParameter[] _entityValues;
    private readonly SqliteParameter[] _sourceValues;
    private readonly SqliteParameter[] _quoteValues;

    public AnalysisRowWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        (_entity, _entityValues) = Prepare(connection, transaction, "article_names", "article_id", "type", "canonical", "mentions", "spans");
        (_source, _sourceValues) = Prepare(connection, transaction, "article_sources", "article_id", "name", "start", "end", "cue");
        (_quote, _quoteValues) = Prepare(connection, transaction, "article_quotes",
            "article_id", "start", "end", "text", "cue", "speaker", "speaker_start", "speaker_end", "direct");
    }

    public void Write(long articleId, ArticleAnalysis analysis)
    {
        foreach (var q in analysis.Quotes)
        {
            Execute(_quote, _quoteValues, articleId, q.Start, q.End, q.Text, q.Cue, q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Direct ? 1 : 0);
        }

        foreach (var name in analysis.Entities.GroupBy(m => (m.Label, m.Canonical)))
        {
            var spans = string.Join(' ', name.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Start}-{m.End}")));
            Execute(_entity, _entityValues, articleId, name.Key.Label, name.Key.Canonical, name.Count(), spans);
        }

        foreach (var cited in analysis.Sources)
        {
            Execute(_source, _sourceValues, articleId, cited.Name, cited.Start, cited.End, cited.Cue);
        }
    }

    public void Dispose()
    {
        _entity.Dispose();
        _source.Dispose();
        _quote.Dispose();
    }

    private static (SqliteCommand, SqliteParameter[]) Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))});";
        // No declared type: each value binds as what it is (integer offsets, text names, nulls).
        var parameters = columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c, DBNull.Value))).ToArray();
        command.Prepare();
        return (command, parameters);
    }

    private static void Execute(SqliteCommand command, SqliteParameter[] parameters, params object?[] values)
    {
        for (var k = 0; k < values.Length; k++)
        {
            parameters[k].Value = values[k] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
