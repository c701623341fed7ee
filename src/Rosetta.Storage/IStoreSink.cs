using Rosetta.Sinks;

namespace Rosetta.Storage;

/// <summary>Where a run's records go into a store; <see cref="Complete"/> once the input is over.</summary>
public interface IStoreSink : IRecordSink
{
    /// <summary>Records stored, new to the store.</summary>
    long Stored { get; }

    /// <summary>Records whose event the store already had (as far as the store can tell while writing).</summary>
    long Duplicates { get; }

    /// <summary>Work left for <see cref="Complete"/> that may take a while, to tell the user about (null: none).</summary>
    string? Finishing { get; }

    /// <summary>How long <see cref="Complete"/> took on that work.</summary>
    TimeSpan FinishingTime { get; }

    /// <summary>Stores what is queued and finishes the run's work (indexes, the last batch ...).</summary>
    /// <exception cref="StoreException">Writing failed: the message says how far the run got.</exception>
    void Complete();
}
