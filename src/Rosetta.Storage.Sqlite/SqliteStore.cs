using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rosetta.Schema;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// A store open for writing: a SQLite file in WAL mode with the schema the standard names give. Records go in through
/// <see cref="CreateSink"/>; each run is a row of <c>ingests</c>.
/// </summary>
public sealed class SqliteStore : IEventStore
{
    private const long BytesPerEvent = 1024;
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyList<StoreColumn> _columns;

    private SqliteStore(string path, SqliteConnection connection, IReadOnlyList<StoreColumn> columns)
    {
        Path = path;
        _connection = connection;
        _columns = columns;
    }

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Location => Path;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> with a column for each of <paramref name="names"/>.</summary>
    /// <exception cref="StoreException">The file cannot be opened as a store.</exception>
    public static SqliteStore Open(string path, IReadOnlyList<StandardName> names)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException($"{path}: the folder {folder} does not exist");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Sql.Execute(connection, "PRAGMA page_size = 65536"); // a new store only: rows of about 1 KB; 12% faster bulk loads than 16 KB pages (bench/README.md)
            Sql.Execute(connection, "PRAGMA journal_mode = WAL");
            Sql.Execute(connection, "PRAGMA wal_autocheckpoint = 1024"); // 64 MB of log between checkpoints while ingesting
            Sql.Execute(connection, "PRAGMA synchronous = NORMAL");
            Sql.Execute(connection, "PRAGMA cache_size = -32768"); // 32 MB: the unique key index stays in memory for millions of rows
            Sql.Execute(connection, "PRAGMA busy_timeout = 5000");
            var columns = StoreSchema.Apply(connection, names);
            return new SqliteStore(path, connection, columns);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: cannot be opened as a Rosetta store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Records a run starting; returns its id, which the stored records carry in <c>ingest_id</c>.</summary>
    public long BeginIngest(IEnumerable<string> inputs)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO ingests (started, rosetta_version, inputs) VALUES ($started, $version, $inputs) RETURNING id";
        command.Parameters.AddWithValue("$started", Now());
        command.Parameters.AddWithValue("$version", typeof(SqliteStore).Assembly.GetName().Version?.ToString() ?? "");
        command.Parameters.AddWithValue("$inputs", JsonSerializer.Serialize(inputs.ToArray(), StoreJson.Default.StringArray));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// A sink inserting records of the run <paramref name="ingestId"/> on a thread of its own; call its
    /// <see cref="SqliteRecordSink.Complete"/> at the end. When the input (<paramref name="expectedBytes"/>, about 1 KB
    /// an event) is at least as large as the store, it loads in bulk: indexes dropped, then made again in one pass each.
    /// </summary>
    public IStoreSink CreateSink(long ingestId, long expectedBytes)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        var rows = (long)command.ExecuteScalar()!;
        return new SqliteRecordSink(_connection, _columns, ingestId, bulk: expectedBytes / BytesPerEvent >= rows);
    }

    /// <summary>Records a run's figures once it is over (a run that never finishes stays without <c>finished</c>).</summary>
    public void FinishIngest(long ingestId, IngestFigures figures)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            UPDATE ingests SET finished = $finished, events_in = $in, records = $records, stored = $stored,
                duplicates = $duplicates, dead_letters = $dead WHERE id = $id
            """;
        command.Parameters.AddWithValue("$finished", Now());
        command.Parameters.AddWithValue("$in", figures.EventsIn);
        command.Parameters.AddWithValue("$records", figures.Records);
        command.Parameters.AddWithValue("$stored", figures.Stored);
        command.Parameters.AddWithValue("$duplicates", figures.Duplicates);
        command.Parameters.AddWithValue("$dead", figures.DeadLetters);
        command.Parameters.AddWithValue("$id", ingestId);
        command.ExecuteNonQuery();
    }

    /// <summary>Updates the query planner's statistics, folds the write-ahead log into the file and closes it.</summary>
    public void Dispose()
    {
        try
        {
            Sql.Execute(_connection, "PRAGMA optimize");
            Sql.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException)
        {
            // The data is committed; a checkpoint that cannot run now runs on the next open.
        }

        _connection.Dispose();
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
