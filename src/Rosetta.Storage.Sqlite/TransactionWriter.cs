using SQLitePCL;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// One write transaction of the store at a time. Unless the load is in bulk (its indexes made at the end), the rows
/// inserted between <see cref="Begin"/> and <see cref="Commit"/> have their command lines indexed in the same
/// transaction, so a kill leaves rows and index agreeing.
/// </summary>
internal sealed class TransactionWriter(sqlite3 db, string? fullTextCatchUp)
{
    public void Begin() => NativeStatement.Execute(db, "BEGIN");

    public void Commit() => NativeStatement.Execute(db, fullTextCatchUp is null ? "COMMIT" : fullTextCatchUp + " COMMIT;");
}
