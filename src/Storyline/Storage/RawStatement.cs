using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Storyline.Storage;

/// <summary>
/// A SQLite statement prepared once and bound by position, for the store's bulk row loops: Microsoft.Data.Sqlite
/// looks each named parameter up and re-checks its type on every execution, which cost ingest a large share
/// of its storing and grouping time. Values bind as Microsoft.Data.Sqlite binds them (integers as 64-bit,
/// text as UTF-8), so the rows written are the same. Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1).</summary>
    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_statement, index, value);

    /// <inheritdoc cref="Bind(int, long)"/>
    public void BindNullable(int index, int? value) =>
        _ = value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index);

    /// <inheritdoc cref="Bind(int, long)"/>
    public void Bind(int index, double value) => raw.sqlite3_bind_double(_statement, index, value);

    /// <inheritdoc cref="Bind(int, long)"/>
    public void Bind(int index, string? value) =>
        _ = value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value);

    /// <summary>Binds UTF-8 text (copied).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> value) => raw.sqlite3_bind_text(_statement, index, value);

    /// <summary>Runs the statement (no result rows) and resets it for the next row; bindings stay until rebound.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
