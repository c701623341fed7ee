namespace Rosetta.Storage;

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
