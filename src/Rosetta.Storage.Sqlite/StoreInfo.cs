namespace Rosetta.Storage.Sqlite;

/// <summary>What a store holds: <c>rosetta store info</c>.</summary>
/// <param name="Path">The store's file.</param>
/// <param name="Bytes">The file's size, with its write-ahead log.</param>
/// <param name="SchemaVersion">The layout version the store was written with.</param>
/// <param name="Columns">Columns of <c>events</c>.</param>
/// <param name="Sources">Records per source, with the time range each covers.</param>
/// <param name="Ingests">The runs that wrote the store, latest first.</param>
public sealed record StoreInfo(string Path, long Bytes, int SchemaVersion, int Columns, IReadOnlyList<SourceCount> Sources, IReadOnlyList<IngestRun> Ingests)
{
    /// <summary>Records in the store.</summary>
    public long Events => Sources.Sum(s => s.Events);
}

/// <summary>One source's records in a store.</summary>
/// <param name="Source">The source id (<c>mde.network</c>).</param>
/// <param name="Events">Its records.</param>
/// <param name="First">The earliest <c>event_date_creation</c>, or null.</param>
/// <param name="Last">The latest <c>event_date_creation</c>, or null.</param>
public sealed record SourceCount(string Source, long Events, string? First, string? Last);

/// <summary>One run that wrote a store; <see cref="Finished"/> is null when it was interrupted.</summary>
/// <param name="Id">The run's id, in the records' <c>ingest_id</c>.</param>
/// <param name="Started">When it started (UTC).</param>
/// <param name="Finished">When it ended, or null.</param>
/// <param name="Inputs">What it read.</param>
/// <param name="Stored">Records it added.</param>
/// <param name="Duplicates">Records the store already had.</param>
/// <param name="DeadLetters">Events it could not normalize.</param>
public sealed record IngestRun(long Id, string Started, string? Finished, string Inputs, long? Stored, long? Duplicates, long? DeadLetters);
