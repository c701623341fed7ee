namespace Rosetta.Storage.Sqlite;

/// <summary>Small helpers for writing SQL text.</summary>
internal static class Sql
{
    /// <summary>An identifier in double quotes, inner quotes doubled.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
