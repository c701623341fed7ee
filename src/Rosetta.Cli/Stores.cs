using Rosetta.Schema;
using Rosetta.Storage;
using Rosetta.Storage.ClickHouse;
using Rosetta.Storage.Sqlite;

namespace Rosetta.Cli;

/// <summary>
/// Opens the store a <c>--store</c> value names: <c>clickhouse://HOST:PORT/DATABASE[?cluster=NAME]</c> for ClickHouse,
/// anything else as a SQLite file.
/// </summary>
internal static class Stores
{
    /// <summary>Opens (creating if needed) a store to write records with <paramref name="names"/> into; <paramref name="warn"/> hears of retries.</summary>
    /// <exception cref="StoreException">It cannot be opened.</exception>
    public static IEventStore OpenForWriting(string store, IReadOnlyList<StandardName> names, Action<string> warn) =>
        ClickHouseLocation.Names(store)
            ? ClickHouseStore.Open(ClickHouseLocation.Parse(store), names, warn)
            : SqliteStore.Open(store, names);

    /// <summary>Opens an existing store to read.</summary>
    /// <exception cref="StoreException">There is no store there.</exception>
    public static IStoreReader OpenForReading(string store) =>
        ClickHouseLocation.Names(store)
            ? ClickHouseStore.OpenReadOnly(ClickHouseLocation.Parse(store))
            : StoreReader.Open(store);

    /// <summary>The folder of the saved hunts written in the SQL of the store <paramref name="store"/> names (SQLite's when null).</summary>
    public static string HuntFolder(string? store) =>
        store is not null && ClickHouseLocation.Names(store) ? Path.Combine(Catalog.ShippedHunts, "clickhouse") : Catalog.ShippedHunts;

    /// <summary>Where a run's dead letters go by default: beside a SQLite file; for ClickHouse, in the current folder, named by the database.</summary>
    public static string DefaultDeadLetters(string store) =>
        ClickHouseLocation.Names(store)
            ? $"clickhouse-{TryParse(store)?.Database ?? "store"}.dead-letter.ndjson"
            : store + ".dead-letter.ndjson";

    private static ClickHouseLocation? TryParse(string store)
    {
        try
        {
            return ClickHouseLocation.Parse(store, _ => null);
        }
        catch (StoreException)
        {
            return null;
        }
    }
}
