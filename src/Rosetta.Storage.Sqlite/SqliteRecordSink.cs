using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Rosetta.Sinks;
using SQLitePCL;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// Writes normalized records into a store on a thread of its own, so that normalizing and inserting use two cores:
/// batches are copied into a bounded queue; the writer inserts them in transactions of about
/// <see cref="RowsPerTransaction"/> rows. What a killed run committed stays; re-running it stores the rest, once.
/// A bulk load drops the secondary indexes first and makes them again in <see cref="Complete"/> (or, if the run is
/// killed, when the store is next opened).
/// </summary>
public sealed class SqliteRecordSink : IStoreSink
{
    /// <summary>Rows per transaction: large enough that commits cost nothing, small enough that a kill loses little work.</summary>
    public const int RowsPerTransaction = 20_000;

    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 8);
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyList<StoreColumn> _columns;
    private readonly long _ingestId;
    private readonly bool _bulk;
    private readonly Thread _writer;
    private bool _completed;
    private Exception? _failure;
    private long _stored;
    private long _duplicates;

    internal SqliteRecordSink(SqliteConnection connection, IReadOnlyList<StoreColumn> columns, long ingestId, bool bulk)
    {
        _connection = connection;
        _columns = columns;
        _ingestId = ingestId;
        _bulk = bulk;
        _writer = new Thread(WriteAll) { Name = "rosetta sqlite writer", IsBackground = true };
        _writer.Start();
    }

    /// <summary>Records inserted, new to the store.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Records whose event the store already had.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <inheritdoc/>
    /// <exception cref="StoreException">The writer failed (disk full, file removed ...).</exception>
    public void Write(ReadOnlySpan<byte> ndjson)
    {
        ThrowIfFailed();
        var buffer = ArrayPool<byte>.Shared.Rent(ndjson.Length);
        ndjson.CopyTo(buffer);
        Enqueue(new Batch(buffer, ndjson.Length, null));
    }

    /// <summary>Waits until everything written so far is committed.</summary>
    /// <exception cref="StoreException">The writer failed.</exception>
    public void Flush()
    {
        using var done = new ManualResetEventSlim();
        Enqueue(new Batch(null, 0, done));
        done.Wait();
        ThrowIfFailed();
    }

    /// <summary>True when this load drops the secondary indexes and makes them at the end.</summary>
    public bool Bulk => _bulk;

    /// <inheritdoc/>
    public string? Finishing => _bulk ? "making the store's indexes" : null;

    /// <summary>How long <see cref="Complete"/> took to make the indexes of a bulk load.</summary>
    public TimeSpan FinishingTime { get; private set; }

    /// <summary>Commits what is queued, stops the writer and, after a bulk load, makes the indexes.</summary>
    /// <exception cref="StoreException">The writer failed.</exception>
    public void Complete()
    {
        Stop();
        ThrowIfFailed();
        if (_bulk)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            StoreSchema.CompleteIndexes(_connection);

            FinishingTime = clock.Elapsed;
        }
    }

    /// <summary>Stops the writer; what it committed stays (a bulk load's indexes are made when the store is next opened).</summary>
    public void Dispose()
    {
        Stop();
        _queue.Dispose();
    }

    private void Stop()
    {
        if (!_completed)
        {
            _completed = true;
            _queue.CompleteAdding();
            _writer.Join();
        }
    }

    private void Enqueue(Batch batch)
    {
        try
        {
            _queue.Add(batch);
        }
        catch (InvalidOperationException)
        {
            ThrowIfFailed();
            throw;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw failure as StoreException ?? new StoreException($"writing the store failed: {failure.Message}", failure);
        }
    }

    private void WriteAll()
    {
        var db = _connection.Handle!;
        var inTransaction = 0;
        RecordRowWriter? rows = null;
        TransactionWriter? transaction = null;
        try
        {
            rows = new RecordRowWriter(db, _columns, _ingestId);
            if (_bulk)
            {
                StoreSchema.DropIndexes(_connection);
            }

            transaction = new TransactionWriter(db, _bulk ? null : StoreSchema.FullTextCatchUp(_connection));
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                if (_failure is null && batch.Buffer is not null)
                {
                    if (inTransaction == 0)
                    {
                        transaction.Begin();
                    }

                    inTransaction += Insert(rows, batch.Buffer.AsSpan(0, batch.Length));
                    if (inTransaction >= RowsPerTransaction)
                    {
                        transaction.Commit();
                        inTransaction = 0;
                    }
                }
                else if (_failure is null && inTransaction > 0)
                {
                    transaction.Commit();
                    inTransaction = 0;
                }

                Release(batch);
            }

            if (inTransaction > 0)
            {
                transaction.Commit();
            }
        }
        catch (Exception e) when (e is StoreException or SqliteException or System.Text.Json.JsonException)
        {
            _failure = e;
            raw.sqlite3_exec(db, "ROLLBACK");
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                Release(batch);
            }
        }
        finally
        {
            rows?.Dispose();
        }
    }

    private int Insert(RecordRowWriter rows, ReadOnlySpan<byte> ndjson)
    {
        var count = 0;
        foreach (var line in new NdjsonLines(ndjson))
        {
            count++;
            if (rows.Insert(line))
            {
                Interlocked.Increment(ref _stored);
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
            }
        }

        return count;
    }

    private static void Release(Batch batch)
    {
        if (batch.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(batch.Buffer);
        }

        batch.Done?.Set();
    }

    private sealed record Batch(byte[]? Buffer, int Length, ManualResetEventSlim? Done);
}
