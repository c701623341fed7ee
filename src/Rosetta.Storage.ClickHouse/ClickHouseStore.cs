using System.Globalization;
using System.Text.Json;
using Rosetta.Schema;
using Rosetta.Storage.ClickHouse.Dialects;
using Rosetta.Storage.ClickHouse.Hunting;
using Rosetta.Storage.ClickHouse.Http;
using Rosetta.Storage.ClickHouse.Writing;
using Rosetta.Storage.Hunting;

namespace Rosetta.Storage.ClickHouse;

/// <summary>
/// A store in ClickHouse, on one server or on a cluster's shards (<see cref="ClickHouseSchema"/>), spoken to over its
/// HTTP interface. Opened for writing it makes or completes its tables; opened for reading it only queries, with
/// <c>readonly=2</c>, so a hunt cannot change it.
/// </summary>
public sealed class ClickHouseStore : IEventStore, IStoreReader
{
    private const int ReadOnlyCode = 164;
    private const int UnknownDatabaseCode = 81;
    private const int UnknownTableCode = 60;
    private static readonly Dictionary<string, string> ReadOnly = new() { ["readonly"] = "2" };

    /// <summary>A server that does not answer at first is most likely a wrong address: three quick tries, not the run's patience.</summary>
    private static readonly RetryPolicy FirstContact = new(3, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));

    private readonly ClickHouseLocation _location;
    private readonly ClickHouseHttp _http;
    private readonly ClickHouseSchema _schema;
    private readonly IReadOnlyList<ClickHouseColumn> _columns;
    private readonly RetryPolicy _retry;
    private readonly Action<string>? _warn;

    private ClickHouseStore(ClickHouseLocation location, ClickHouseHttp http, ClickHouseSchema schema, IReadOnlyList<ClickHouseColumn> columns, RetryPolicy retry, Action<string>? warn)
    {
        _location = location;
        _http = http;
        _schema = schema;
        _columns = columns;
        _retry = retry;
        _warn = warn;
    }

    /// <inheritdoc cref="IEventStore.Location"/>
    public string Location => _location.ToString();

    /// <inheritdoc/>
    public string Dialect => "clickhouse";

    /// <summary>Opens the store for writing, making its tables (or the columns a grown catalog adds) first.</summary>
    /// <exception cref="StoreException">The server cannot be reached, has no such cluster, or refuses the tables.</exception>
    public static ClickHouseStore Open(ClickHouseLocation location, IReadOnlyList<StandardName> names, Action<string>? warn = null)
    {
        var retry = RetryPolicy.Default with { Attempts = location.Retries };
        return Connect(location, http =>
        {
            var (dialect, replicated) = Server(http, location, FirstContact);
            var schema = new ClickHouseSchema(dialect, location.Database, location.Cluster, replicated);
            var wanted = schema.ColumnsOf(names);
            var tables = retry.Run(_ => http.Query($"SELECT name FROM system.tables WHERE database = {ClickHouseSchema.Literal(location.Database)}"), null, default).FirstColumn().ToHashSet();
            if (!tables.IsSupersetOf(location.Cluster is null ? ["events", "ingests", "store_meta"] : ["events", "events_local", "ingests", "ingests_local", "store_meta"]))
            {
                foreach (var statement in schema.Create(wanted))
                {
                    retry.Run(_ => http.Execute(statement), null, default);
                }
            }

            CheckVersion(http, location, retry);
            var existing = ExistingColumns(http, location.Database, location.Cluster is null ? "events" : "events_local", retry);
            foreach (var statement in schema.AddColumns([.. wanted.Where(c => !existing.Contains(c.Name))]))
            {
                retry.Run(_ => http.Execute(statement), null, default);
            }

            existing = ExistingColumns(http, location.Database, "events", retry);
            return new ClickHouseStore(location, http, schema, [.. wanted.Where(c => existing.Contains(c.Name))], retry, warn);
        });
    }

    /// <summary>Opens an existing store for reading only.</summary>
    /// <exception cref="StoreException">The server cannot be reached, or the database holds no Rosetta store.</exception>
    public static ClickHouseStore OpenReadOnly(ClickHouseLocation location) =>
        Connect(location, http =>
        {
            var tables = http.Query($"SELECT name FROM system.tables WHERE database = {ClickHouseSchema.Literal(location.Database)}", ReadOnly).FirstColumn().ToHashSet();
            if (!tables.Contains("events") || !tables.Contains("store_meta"))
            {
                throw new StoreException($"{location}: no Rosetta store in database '{location.Database}' (create one with 'rosetta normalize INPUT... --store {location}')");
            }

            var dialect = DialectFor(location, http.Query("SELECT version()", ReadOnly).FirstColumn().First());
            return new ClickHouseStore(location, http, new ClickHouseSchema(dialect, location.Database, location.Cluster, replicated: false), [], RetryPolicy.Default, null);
        });

    /// <inheritdoc/>
    public long BeginIngest(IEnumerable<string> inputs)
    {
        var id = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var version = typeof(ClickHouseStore).Assembly.GetName().Version?.ToString() ?? "";
        var json = JsonSerializer.Serialize(inputs.ToArray(), ClickHouseJson.Default.StringArray);
        Write($"INSERT INTO {_schema.Ingests} (id, version, started, rosetta_version, inputs) VALUES ({id}, 0, now(), {ClickHouseSchema.Literal(version)}, {ClickHouseSchema.Literal(json)})");
        return id;
    }

    /// <inheritdoc/>
    public IStoreSink CreateSink(long ingestId, long expectedBytes)
    {
        var rows = new TsvRowWriter(_schema, _columns, ingestId);
        var inserter = new BatchInserter(_http, _schema, rows.ColumnList, _retry, _warn);
        return new ClickHouseRecordSink(new BatchBuilder(rows, ingestId, _location.BatchRows), inserter, () => CountEarlier(ingestId), Location, ingestId, _warn);
    }

    /// <inheritdoc/>
    public void FinishIngest(long ingestId, IngestFigures figures)
    {
        var started = Query($"SELECT toString(min(started)), any(rosetta_version), any(inputs) FROM {_schema.Ingests} WHERE id = {ingestId}").Rows[0];
        Write($"INSERT INTO {_schema.Ingests} (id, version, started, finished, rosetta_version, inputs, events_in, records, stored, duplicates, dead_letters) VALUES "
            + $"({ingestId}, 1, {ClickHouseSchema.Literal((string)started[0]!)}, now(), {ClickHouseSchema.Literal((string?)started[1] ?? "")}, {ClickHouseSchema.Literal((string?)started[2] ?? "[]")}, "
            + $"{figures.EventsIn}, {figures.Records}, {figures.Stored}, {figures.Duplicates}, {figures.DeadLetters})");
    }

    /// <inheritdoc/>
    public StoreInfo Info()
    {
        try
        {
            var sources = _http.Query(
                "SELECT rosetta_source, count(), toString(min(event_date_creation)), toString(max(event_date_creation)) "
                + $"FROM {_schema.Events} FINAL GROUP BY rosetta_source ORDER BY rosetta_source", ReadOnly);
            var runs = _http.Query(
                "SELECT id, toString(min(started)), toString(argMax(finished, version)), any(inputs), argMax(stored, version), argMax(duplicates, version), argMax(dead_letters, version) "
                + $"FROM {_schema.Ingests} GROUP BY id ORDER BY id DESC", ReadOnly);
            var version = _http.Query($"SELECT max(toUInt32(value)) FROM {_location.Database}.store_meta WHERE name = 'schema_version'", ReadOnly).Rows[0][0];
            var columns = _http.Query($"SELECT count() FROM system.columns WHERE database = {ClickHouseSchema.Literal(_location.Database)} AND table = 'events'", ReadOnly).Rows[0][0];
            var parts = _location.Cluster is null ? "system.parts" : $"cluster({ClickHouseSchema.Literal(_location.Cluster)}, system.parts)";
            var bytes = _http.Query($"SELECT sum(bytes_on_disk) FROM {parts} WHERE database = {ClickHouseSchema.Literal(_location.Database)} AND active", ReadOnly).Rows[0][0];
            return new StoreInfo(
                Location,
                System.Convert.ToInt64(bytes, CultureInfo.InvariantCulture),
                (int)System.Convert.ToInt64(version, CultureInfo.InvariantCulture),
                (int)System.Convert.ToInt64(columns, CultureInfo.InvariantCulture),
                [.. sources.Rows.Select(r => new SourceCount((string)r[0]!, (long)r[1]!, NullIfEpoch(r[2]), NullIfEpoch(r[3])))],
                [.. runs.Rows.Select(r => new IngestRun((long)r[0]!, (string)r[1]!, (string?)r[2], (string?)r[3] ?? "[]", (long?)r[4], (long?)r[5], (long?)r[6]))]);
        }
        catch (ClickHouseException e)
        {
            throw new StoreException($"{Location}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public long Hunt(string sql, IReadOnlyDictionary<string, string> parameters, IResultWriter writer, CancellationToken cancellation)
    {
        var bound = ParameterBinder.Bind(sql.Trim().TrimEnd(';'), parameters);
        var queryId = "rosetta-hunt-" + Guid.NewGuid().ToString("N");
        QueryResult result;
        try
        {
            using var kill = cancellation.Register(() => Kill(queryId));
            // The database as the default, so that a hunt says 'events'.
            var settings = new Dictionary<string, string>(ReadOnly) { ["database"] = _location.Database };
            result = _http.Query(bound, settings, queryId, cancellation);
        }
        catch (OperationCanceledException e)
        {
            throw new OperationCanceledException("the query was stopped", e, cancellation);
        }
        catch (ClickHouseException e) when (e.Code == ReadOnlyCode)
        {
            throw new StoreException($"hunts are read-only: the statement is refused and the store is unchanged (ClickHouse {e.Message})", e);
        }
        catch (ClickHouseException e) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("the query was stopped", e, cancellation);
        }
        catch (ClickHouseException e)
        {
            throw new StoreException($"the query failed: {e.Message}", e);
        }

        writer.Start(result.Columns);
        foreach (var row in result.Rows)
        {
            writer.Row(row);
        }

        writer.Finish();
        return result.Rows.Count;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    /// <summary>Opens an HTTP client for <paramref name="location"/> and a store over it; the client is closed if that fails.</summary>
    /// <exception cref="StoreException">The server refused or could not be reached (its message, after the location).</exception>
    private static ClickHouseStore Connect(ClickHouseLocation location, Func<ClickHouseHttp, ClickHouseStore> open)
    {
        var http = new ClickHouseHttp(location);
        try
        {
            return open(http);
        }
        catch (ClickHouseException e)
        {
            http.Dispose();
            throw new StoreException($"{location}: {e.Message}", e);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static (ClickHouseDialect Dialect, bool Replicated) Server(ClickHouseHttp http, ClickHouseLocation location, RetryPolicy retry)
    {
        var version = retry.Run(_ => http.Query("SELECT version()"), null, default).FirstColumn().First();
        var dialect = DialectFor(location, version);
        if (location.Cluster is null)
        {
            return (dialect, false);
        }

        var cluster = retry.Run(_ => http.Query($"SELECT count(), max(replica_num) FROM system.clusters WHERE cluster = {ClickHouseSchema.Literal(location.Cluster)}"), null, default).Rows[0];
        if ((long)cluster[0]! == 0)
        {
            throw new StoreException($"{location}: the server has no cluster '{location.Cluster}' (its remote_servers configuration names the clusters; 'SELECT DISTINCT cluster FROM system.clusters' lists them)");
        }

        return (dialect, location.Replicated || (long)cluster[1]! > 1);
    }

    private static ClickHouseDialect DialectFor(ClickHouseLocation location, string version) =>
        ClickHouseDialect.Named(location.Dialect) ?? ClickHouseDialect.ForVersion(version);

    private static void CheckVersion(ClickHouseHttp http, ClickHouseLocation location, RetryPolicy retry)
    {
        var meta = $"{location.Database}.store_meta";
        var found = retry.Run(_ => http.Query($"SELECT max(toUInt32(value)), count() FROM {meta} WHERE name = 'schema_version'"), null, default).Rows[0];
        if ((long)found[1]! > 0 && (long)found[0]! > ClickHouseSchema.Version)
        {
            throw new StoreException($"{location}: the store has schema version {found[0]}; this Rosetta writes version {ClickHouseSchema.Version}: use a newer Rosetta");
        }

        if ((long)found[1]! == 0)
        {
            retry.Run(_ => http.Execute($"INSERT INTO {meta} VALUES ('schema_version', '{ClickHouseSchema.Version}')"), null, default);
        }
    }

    private static HashSet<string> ExistingColumns(ClickHouseHttp http, string database, string table, RetryPolicy retry) =>
        [.. retry.Run(_ => http.Query($"SELECT name FROM system.columns WHERE database = {ClickHouseSchema.Literal(database)} AND table = {ClickHouseSchema.Literal(table)}"), null, default).FirstColumn()];

    /// <summary>Records of run <paramref name="ingestId"/> whose event was stored before: by an earlier run, or earlier in this one.</summary>
    private long CountEarlier(long ingestId)
    {
        var run = Query($"SELECT count(), uniqExact(event_key) FROM {_schema.Events} WHERE ingest_id = {ingestId}").Rows[0];
        var earlier = Query($"SELECT uniqExact(event_key) FROM {_schema.Events} WHERE ingest_id != {ingestId} "
            + $"AND event_key IN (SELECT event_key FROM {_schema.EventsLocal} WHERE ingest_id = {ingestId})").Rows[0][0];
        return (long)run[0]! - (long)run[1]! + (long)earlier!;
    }

    private QueryResult Query(string sql) => Retried(() => _http.Query(sql));

    private void Write(string sql)
    {
        var settings = _schema.Dialect.InsertSettings(_schema.Clustered);
        Retried(() => _http.Execute(sql, settings));
    }

    /// <summary>A request of the run, retried by its policy (each retry told to the user).</summary>
    /// <exception cref="StoreException">It failed for good.</exception>
    private T Retried<T>(Func<T> request)
    {
        try
        {
            return _retry.Run(_ => request(), (e, attempt, delay) => _warn?.Invoke($"{e.Message}; try {attempt} of {_retry.Attempts} in {delay.TotalSeconds:F1} s"), default);
        }
        catch (ClickHouseException e)
        {
            throw new StoreException($"{Location}: {e.Message}", e);
        }
    }

    private void Kill(string queryId)
    {
        try
        {
            _http.Execute($"KILL QUERY WHERE query_id = {ClickHouseSchema.Literal(queryId)} ASYNC");
        }
        catch (ClickHouseException)
        {
            // The query may have ended on its own; the HTTP request is cancelled either way.
        }
    }

    private static string? NullIfEpoch(object? time) => time is string text && !text.StartsWith("0000", StringComparison.Ordinal) && !text.StartsWith("1970-01-01 00:00:00", StringComparison.Ordinal) ? text : null;
}
