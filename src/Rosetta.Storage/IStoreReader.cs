using Rosetta.Storage.Hunting;

namespace Rosetta.Storage;

/// <summary>A store open for reading only: hunts in the store's SQL dialect, and what it holds.</summary>
public interface IStoreReader : IDisposable
{
    /// <summary>Where the store is, as the user gave it (credentials left out).</summary>
    string Location { get; }

    /// <summary>The SQL dialect hunts are written in: <c>sqlite</c> or <c>clickhouse</c>.</summary>
    string Dialect { get; }

    /// <summary>Counts per source, time ranges and runs.</summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    StoreInfo Info();

    /// <summary>
    /// Runs <paramref name="sql"/> read-only, with <paramref name="parameters"/> as <c>:NAME</c>, streaming rows to
    /// <paramref name="writer"/>; returns the rows written.
    /// </summary>
    /// <exception cref="StoreException">The SQL fails or would write: the message says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired while it ran.</exception>
    long Hunt(string sql, IReadOnlyDictionary<string, string> parameters, IResultWriter writer, CancellationToken cancellation);
}
