using Microsoft.Data.Sqlite;

namespace Rosetta.Storage.Sqlite;

/// <summary>Small helpers for writing and running SQL.</summary>
internal static class Sql
{
    /// <summary>Runs a statement with no result.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>An identifier in double quotes, inner quotes doubled.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
