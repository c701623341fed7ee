using Rosetta.Schema;
using Rosetta.Storage.ClickHouse.Dialects;

namespace Rosetta.Storage.ClickHouse;

/// <summary>
/// The SQL of a ClickHouse store's tables, for one dialect, database and (optional) cluster. On one server:
/// <c>events</c>, <c>ingests</c> and <c>store_meta</c>. On a cluster: <c>events_local</c> and <c>ingests_local</c> on
/// every shard (ReplicatedReplacingMergeTree when shards have replicas), Distributed <c>events</c> sharded by a hash
/// of the flow (its Community ID, else the event key) and <c>ingests</c> by run, all made with ON CLUSTER.
/// Events are ordered by source, time and key, and folded by key when parts merge, so an event stored twice (two runs
/// over one file) is one row after a merge and at once with FINAL.
/// </summary>
public sealed class ClickHouseSchema(ClickHouseDialect dialect, string database, string? cluster, bool replicated)
{
    /// <summary>The layout this code writes; a store with a higher number was written by a newer Rosetta.</summary>
    public const int Version = 1;

    /// <summary>The SQL dialect.</summary>
    public ClickHouseDialect Dialect => dialect;

    /// <summary>True when tables live on the shards of a cluster behind Distributed ones.</summary>
    public bool Clustered => cluster is not null;

    /// <summary>Columns every row has before the standard names, in order, with their types.</summary>
    public IReadOnlyList<(string Name, string Type)> MetadataColumns =>
    [
        ("event_key", "String"), ("ingest_id", "UInt64"), ("rosetta_batch", "String"), ("rosetta_time", "DateTime('UTC')"),
        ("rosetta_source", dialect.RepeatedText), ("rosetta_event", "Nullable(String)"), ("rosetta_table", "Nullable(String)"),
        ("rosetta_diagnostics", "Nullable(String)"), ("rosetta_envelope", "Nullable(String)"), ("vendor", "String"),
    ];

    /// <summary>The table rows are inserted into and queried from.</summary>
    public string Events => $"{database}.events";

    /// <summary>The table holding the rows on each server.</summary>
    public string EventsLocal => cluster is null ? Events : $"{database}.events_local";

    /// <summary>The runs, through which they are written and read.</summary>
    public string Ingests => $"{database}.ingests";

    /// <summary>The columns of <paramref name="names"/>, in order.</summary>
    public IReadOnlyList<ClickHouseColumn> ColumnsOf(IEnumerable<StandardName> names) => [.. names.SelectMany(dialect.ColumnsOf)];

    /// <summary>The statements that make the store (each idempotent), in order.</summary>
    public IReadOnlyList<string> Create(IReadOnlyList<ClickHouseColumn> columns)
    {
        var statements = new List<string> { $"CREATE DATABASE IF NOT EXISTS {database}{OnCluster}" };
        var definitions = string.Join(", ", MetadataColumns.Select(c => $"{c.Name} {c.Type}").Concat(columns.Select(c => $"{Quote(c.Name)} {c.Type}")));
        statements.Add($"CREATE TABLE IF NOT EXISTS {EventsLocal}{OnCluster} ({definitions}) ENGINE = {Engine("events")} "
            + "PARTITION BY toYYYYMM(rosetta_time) ORDER BY (rosetta_source, rosetta_time, event_key)");
        const string IngestColumns = "id UInt64, version UInt8, started DateTime('UTC'), finished Nullable(DateTime('UTC')), rosetta_version String, inputs String, "
            + "events_in Nullable(Int64), records Nullable(Int64), stored Nullable(Int64), duplicates Nullable(Int64), dead_letters Nullable(Int64)";
        statements.Add($"CREATE TABLE IF NOT EXISTS {Local(Ingests)}{OnCluster} ({IngestColumns}) ENGINE = {Engine("ingests", "version")} ORDER BY id");
        statements.Add($"CREATE TABLE IF NOT EXISTS {database}.store_meta{OnCluster} (name String, value String) ENGINE = {Engine("store_meta")} ORDER BY name");
        if (cluster is not null)
        {
            var flow = columns.Any(c => c.Name == "network_community_id") ? "ifNull(network_community_id, event_key)" : "event_key";
            statements.Add($"CREATE TABLE IF NOT EXISTS {Events}{OnCluster} AS {EventsLocal} ENGINE = Distributed({cluster}, {database}, events_local, cityHash64({flow}))");
            statements.Add($"CREATE TABLE IF NOT EXISTS {Ingests}{OnCluster} AS {Local(Ingests)} ENGINE = Distributed({cluster}, {database}, ingests_local, id)");
        }

        return statements;
    }

    /// <summary>The statements that add <paramref name="missing"/> columns to a store made by an older catalog.</summary>
    public IReadOnlyList<string> AddColumns(IReadOnlyList<ClickHouseColumn> missing)
    {
        if (missing.Count == 0)
        {
            return [];
        }

        var adds = string.Join(", ", missing.Select(c => $"ADD COLUMN {Quote(c.Name)} {c.Type}"));
        return cluster is null
            ? [$"ALTER TABLE {Events} {adds}"]
            : [$"ALTER TABLE {EventsLocal}{OnCluster} {adds}", $"ALTER TABLE {Events}{OnCluster} {adds}"];
    }

    /// <summary>A column name quoted for ClickHouse (back quotes; standard names are snake_case, but a catalog may bring a keyword).</summary>
    public static string Quote(string name) => "`" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";

    /// <summary>A string literal for ClickHouse SQL.</summary>
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private string OnCluster => cluster is null ? "" : $" ON CLUSTER {cluster}";

    private string Local(string table) => cluster is null ? table : table + "_local";

    private string Engine(string table, string version = "") => replicated
        ? $"ReplicatedReplacingMergeTree('/clickhouse/tables/{{shard}}/{database}/{table}', '{{replica}}'{(version.Length > 0 ? ", " + version : "")})"
        : $"ReplacingMergeTree({version})";
}
