using Microsoft.Data.Sqlite;
using Rosetta.Schema;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// The store's tables, derived from the standard-name catalog: <c>events</c> with Rosetta's metadata columns and one
/// typed column per standard name; indexes on time, addresses, ports, process name and Community ID; an FTS5 index
/// over command lines; <c>ingests</c>, one row per run. Creating it is idempotent, and a catalog that grew adds columns.
/// </summary>
internal static class StoreSchema
{
    /// <summary>The layout this code writes; a store with a higher number was written by a newer Rosetta.</summary>
    public const int Version = 1;

    /// <summary>The full-text index over command lines.</summary>
    public const string FullTextTable = "events_fts";

    /// <summary>Columns every store has before the standard names, in order, with their SQL types.</summary>
    public static readonly (string Name, string Type)[] MetadataColumns =
    [
        ("event_key", "BLOB NOT NULL"), ("ingest_id", "INTEGER"), ("rosetta_source", "TEXT NOT NULL"), ("rosetta_event", "TEXT"),
        ("rosetta_table", "TEXT"), ("rosetta_diagnostics", "TEXT"), ("rosetta_envelope", "TEXT"), ("vendor", "TEXT"),
    ];

    /// <summary>Standard names hunts filter, group or join on.</summary>
    private static readonly string[] Indexed =
        ["event_date_creation", "src_ip", "dst_ip", "src_port", "dst_port", "process_name", "network_community_id"];

    /// <summary>Command lines, indexed for full-text search.</summary>
    private static readonly string[] CommandLines = ["process_command_line", "process_parent_command_line"];

    /// <summary>Creates or completes the schema for <paramref name="names"/>; returns the standard-name columns the table has, in table order.</summary>
    /// <exception cref="StoreException">The store was written by a newer Rosetta.</exception>
    public static IReadOnlyList<StoreColumn> Apply(SqliteConnection connection, IReadOnlyList<StandardName> names)
    {
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, "CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        var version = Scalar(connection, "SELECT value FROM store_meta WHERE name = 'schema_version'");
        if (version is not null && int.Parse(version, System.Globalization.CultureInfo.InvariantCulture) > Version)
        {
            throw new StoreException($"the store has schema version {version}; this Rosetta writes version {Version}: use a newer Rosetta");
        }

        Sql.Execute(connection, $"INSERT OR REPLACE INTO store_meta VALUES ('schema_version', '{Version}')");
        Sql.Execute(connection, """
            CREATE TABLE IF NOT EXISTS ingests (
                id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, rosetta_version TEXT, inputs TEXT,
                events_in INTEGER, records INTEGER, stored INTEGER, duplicates INTEGER, dead_letters INTEGER)
            """);
        var metadata = string.Join(", ", MetadataColumns.Select(c => $"{c.Name} {c.Type}"));
        var standard = string.Concat(names.Select(n => $", {Sql.Quote(n.Name)} {new StoreColumn(n.Name, n.Type).SqlType}"));
        Sql.Execute(connection, $"CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, {metadata}{standard})");

        var existing = ExistingColumns(connection);
        foreach (var name in names.Where(n => !existing.ContainsKey(n.Name)))
        {
            var column = new StoreColumn(name.Name, name.Type);
            Sql.Execute(connection, $"ALTER TABLE events ADD COLUMN {column.Quoted} {column.SqlType}");
        }

        existing = ExistingColumns(connection);
        Sql.Execute(connection, "CREATE UNIQUE INDEX IF NOT EXISTS events_by_key ON events (event_key)");
        CreateFullText(connection, existing);
        transaction.Commit();

        // A bulk load that was killed left its indexes to make: they are made now, before anything reads the store.
        CompleteIndexes(connection);

        var types = names.ToDictionary(n => n.Name, n => n.Type, StringComparer.Ordinal);
        return [.. existing.Where(c => !IsMetadata(c.Key)).Select(c => new StoreColumn(c.Key, types.TryGetValue(c.Key, out var t) ? t : TypeOfDeclared(c.Value)))];
    }

    /// <summary>The <c>events</c> columns (name to declared type), in table order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Columns(SqliteConnection connection) => ExistingColumns(connection);

    /// <summary>Makes the secondary indexes the store lacks, each in one sorted pass (after a bulk load, or a killed one).</summary>
    private static void CreateIndexes(SqliteConnection connection)
    {
        var existing = ExistingColumns(connection);
        foreach (var name in Indexed.Where(existing.ContainsKey))
        {
            Sql.Execute(connection, $"CREATE INDEX IF NOT EXISTS {Sql.Quote("events_by_" + name)} ON events ({Sql.Quote(name)})");
        }
    }

    /// <summary>Makes what a bulk load left out: the secondary indexes, and the command lines of rows the full-text index has not seen.</summary>
    public static void CompleteIndexes(SqliteConnection connection)
    {
        CreateIndexes(connection);
        if (FullTextCatchUp(connection) is { } catchUp)
        {
            Sql.Execute(connection, $"BEGIN; {catchUp} COMMIT;");
        }
    }

    /// <summary>Drops the secondary indexes before a bulk load: building them afterwards is three times faster than keeping them.</summary>
    public static void DropIndexes(SqliteConnection connection)
    {
        foreach (var name in Indexed)
        {
            Sql.Execute(connection, $"DROP INDEX IF EXISTS {Sql.Quote("events_by_" + name)}");
        }
    }

    /// <summary>
    /// SQL that indexes the command lines of every row the full-text index has not seen yet and moves the mark
    /// (<c>store_meta.fts_indexed_id</c>), to run inside a write transaction; null when the store has no full-text
    /// index. Run once per transaction, not by a trigger per row: FTS5 writes its pending terms out at every statement
    /// savepoint, so a trigger per inserted row writes a segment per row (measured: four times slower).
    /// </summary>
    public static string? FullTextCatchUp(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE name = '{FullTextTable}'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return null;
        }

        var columns = string.Join(", ", CommandLines.Select(Sql.Quote));
        var any = string.Join(" OR ", CommandLines.Select(c => $"{Sql.Quote(c)} IS NOT NULL"));
        const string Mark = "coalesce((SELECT CAST(value AS INTEGER) FROM store_meta WHERE name = 'fts_indexed_id'), 0)";
        return $"INSERT INTO {FullTextTable} (rowid, {columns}) SELECT id, {columns} FROM events WHERE id > {Mark} AND ({any}); "
            + "INSERT OR REPLACE INTO store_meta VALUES ('fts_indexed_id', (SELECT coalesce(max(id), 0) FROM events));";
    }

    private static void CreateFullText(SqliteConnection connection, Dictionary<string, string> existing)
    {
        if (!CommandLines.All(existing.ContainsKey))
        {
            return;
        }

        var columns = string.Join(", ", CommandLines.Select(Sql.Quote));
        var olds = string.Join(", ", CommandLines.Select(c => "old." + Sql.Quote(c)));
        var anyOld = string.Join(" OR ", CommandLines.Select(c => $"old.{Sql.Quote(c)} IS NOT NULL"));

        // Words (unicode61: letters and digits, split at punctuation), so '-ExecutionPolicy Bypass' is a phrase query. Trigrams
        // would find any piece of text, but cost six times the ingest time and eight times the space on real command lines
        // (bench/README.md); LIKE over events still finds any piece.
        Sql.Execute(connection, $"CREATE VIRTUAL TABLE IF NOT EXISTS {FullTextTable} USING fts5({columns}, content='events', content_rowid='id', tokenize='unicode61')");
        Sql.Execute(connection, $"CREATE TRIGGER IF NOT EXISTS events_fts_delete AFTER DELETE ON events WHEN {anyOld} BEGIN INSERT INTO {FullTextTable} ({FullTextTable}, rowid, {columns}) VALUES ('delete', old.id, {olds}); END");
    }

    private static bool IsMetadata(string column) => column == "id" || MetadataColumns.Any(c => c.Name == column);

    private static FieldType TypeOfDeclared(string declared) => declared switch
    {
        "INTEGER" => FieldType.Integer,
        "REAL" => FieldType.Float,
        _ => FieldType.String,
    };

    private static Dictionary<string, string> ExistingColumns(SqliteConnection connection)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type FROM pragma_table_info('events') ORDER BY cid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
