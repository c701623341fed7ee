using SQLitePCL;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw (the provider under Microsoft.Data.Sqlite): parameters bound by
/// position from UTF-8 spans, so inserting a row allocates nothing.
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public NativeStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
    }

    /// <summary>Clears every parameter to NULL, ready for the next row.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public void Text(int parameter, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, parameter, utf8));

    public void Blob(int parameter, ReadOnlySpan<byte> bytes) => Check(raw.sqlite3_bind_blob(_statement, parameter, bytes));

    public void Integer(int parameter, long value) => Check(raw.sqlite3_bind_int64(_statement, parameter, value));

    public void Real(int parameter, double value) => Check(raw.sqlite3_bind_double(_statement, parameter, value));

    /// <summary>Runs the statement; returns the rows it changed (0 when <c>INSERT OR IGNORE</c> found the row already there).</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc);
        }

        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs a query of one whole number (the first column of its first row).</summary>
    public long Scalar()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_ROW)
        {
            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : rc);
        }

        return raw.sqlite3_column_int64(_statement, 0);
    }

    /// <summary>Runs SQL with no result on <paramref name="db"/>.</summary>
    public static void Execute(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_exec(db, sql);
        if (rc != raw.SQLITE_OK)
        {
            throw new StoreException($"SQLite: {raw.sqlite3_errmsg(db).utf8_to_string()} ({sql})");
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new StoreException($"SQLite: {raw.sqlite3_errmsg(_db).utf8_to_string()}");
        }
    }
}
