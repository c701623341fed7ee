using Microsoft.Data.Sqlite;
using Rosetta.Storage.Hunting;
using Rosetta.Storage.Sqlite.Hunting;
using SQLitePCL;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// A store opened read-only by construction: the file is opened with SQLite's read-only flag, <c>query_only</c> is set,
/// and ATTACH, DETACH and pragmas that set something are refused, so nothing run through it can change the store or
/// reach another file.
/// </summary>
public sealed class StoreReader : IStoreReader
{
    private const int AttachAction = 24;
    private const int DetachAction = 25;
    private const int PragmaAction = 19;

    /// <summary>Pragmas whose argument names what to read, not a setting to change.</summary>
    private static readonly HashSet<string> ReadingPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info", "table_xinfo", "table_list", "index_info", "index_xinfo", "index_list", "foreign_key_list",
        "foreign_key_check", "integrity_check", "quick_check",
    };

    private readonly delegate_authorizer _authorizer;

    private StoreReader(string path, SqliteConnection connection)
    {
        Path = path;
        Connection = connection;
        _authorizer = Authorize;
        raw.sqlite3_set_authorizer(connection.Handle, _authorizer, null);
    }

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Location => Path;

    /// <inheritdoc/>
    public string Dialect => "sqlite";

    /// <summary>The read-only connection.</summary>
    internal SqliteConnection Connection { get; }

    /// <summary>The last statement the authorizer refused, for the error message.</summary>
    internal string? Refused { get; private set; }

    /// <summary>Opens an existing store.</summary>
    /// <exception cref="StoreException">No file, or not a Rosetta store.</exception>
    public static StoreReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new StoreException($"{path}: no such store (create one with 'rosetta normalize INPUT... --store {path}')");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(path), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA query_only = ON; SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'store_meta')";
                if ((long)command.ExecuteScalar()! != 2)
                {
                    throw new StoreException($"{path}: a SQLite file, but not a Rosetta store (no events table)");
                }
            }

            return new StoreReader(path, connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: cannot be read as a store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Counts per source, time ranges and runs.</summary>
    public StoreInfo Info()
    {
        var sources = new List<SourceCount>();
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT rosetta_source, count(*), min(event_date_creation), max(event_date_creation)
                FROM events GROUP BY rosetta_source ORDER BY rosetta_source
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sources.Add(new SourceCount(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        var ingests = new List<IngestRun>();
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = "SELECT id, started, finished, inputs, stored, duplicates, dead_letters FROM ingests ORDER BY id DESC";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ingests.Add(new IngestRun(
                    reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? "" : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
            }
        }

        using var version = Connection.CreateCommand();
        version.CommandText = "SELECT value FROM store_meta WHERE name = 'schema_version'";
        var schemaVersion = int.Parse((string)version.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
        var columns = StoreSchema.Columns(Connection).Count();
        var bytes = new FileInfo(Path).Length + (File.Exists(Path + "-wal") ? new FileInfo(Path + "-wal").Length : 0);
        return new StoreInfo(Path, bytes, schemaVersion, columns, sources, ingests);
    }

    /// <inheritdoc/>
    public long Hunt(string sql, IReadOnlyDictionary<string, string> parameters, IResultWriter writer, CancellationToken cancellation) =>
        HuntRunner.Run(this, sql, parameters, writer, cancellation);

    /// <summary>Stops the statement running on this store, from any thread (Ctrl-C, a timeout).</summary>
    public void Interrupt() => raw.sqlite3_interrupt(Connection.Handle);

    /// <inheritdoc/>
    public void Dispose() => Connection.Dispose();

    private int Authorize(object userData, int action, utf8z first, utf8z second, utf8z database, utf8z trigger)
    {
        if (action is AttachAction or DetachAction)
        {
            Refused = action == AttachAction ? "ATTACH" : "DETACH";
            return raw.SQLITE_DENY;
        }

        if (action == PragmaAction && second.utf8_to_string() is { } value && first.utf8_to_string() is { } pragma && !ReadingPragmas.Contains(pragma))
        {
            Refused = $"PRAGMA {pragma} = {value}";
            return raw.SQLITE_DENY;
        }

        return raw.SQLITE_OK;
    }
}
