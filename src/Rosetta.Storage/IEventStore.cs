namespace Rosetta.Storage;

/// <summary>
/// A store of normalized records open for writing, whatever holds it (a SQLite file, a ClickHouse cluster): each run
/// writes into it through a sink. <see cref="IStoreReader"/> reads it.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Where the store is, as the user gave it (credentials left out).</summary>
    string Location { get; }

    /// <summary>Records a run starting; returns its id, which the stored records carry in <c>ingest_id</c>.</summary>
    long BeginIngest(IEnumerable<string> inputs);

    /// <summary>A sink for the records of run <paramref name="ingestId"/>; <paramref name="expectedBytes"/> is the input's size, when known.</summary>
    IStoreSink CreateSink(long ingestId, long expectedBytes);

    /// <summary>Records a run's figures once it is over (a run that never finishes stays unfinished).</summary>
    void FinishIngest(long ingestId, IngestFigures figures);
}
