using System.Buffers;
using System.Collections.Concurrent;
using Rosetta.Sinks;
using Rosetta.Storage.ClickHouse.Http;

namespace Rosetta.Storage.ClickHouse.Writing;

/// <summary>
/// Writes a run's records into ClickHouse on two threads of its own: one turns records into compressed TabSeparated
/// batches of <see cref="BatchBuilder.RowsPerBatch"/> rows, the other sends each batch (<see cref="BatchInserter"/>:
/// retried, and stored once). What failed for good stops the run with how far it got.
/// </summary>
public sealed class ClickHouseRecordSink : IStoreSink
{
    private readonly BlockingCollection<Chunk> _records = new(boundedCapacity: 8);
    private readonly BlockingCollection<InsertBatch> _batches = new(boundedCapacity: 1);
    private readonly BatchBuilder _builder;
    private readonly BatchInserter _inserter;
    private readonly Func<long> _countEarlierRuns;
    private readonly Action<string>? _warn;
    private readonly Thread _converter;
    private readonly Thread _sender;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _location;
    private readonly long _ingestId;
    private bool _completed;
    private Exception? _failure;
    private long _sent;
    private long _duplicates;

    internal ClickHouseRecordSink(BatchBuilder builder, BatchInserter inserter, Func<long> countEarlierRuns, string location, long ingestId, Action<string>? warn)
    {
        _warn = warn;
        _builder = builder;
        _inserter = inserter;
        _countEarlierRuns = countEarlierRuns;
        _location = location;
        _ingestId = ingestId;
        _converter = new Thread(Convert) { Name = "rosetta clickhouse rows", IsBackground = true };
        _sender = new Thread(Send) { Name = "rosetta clickhouse sender", IsBackground = true };
        _converter.Start();
        _sender.Start();
    }

    /// <inheritdoc/>
    public long Stored => Interlocked.Read(ref _sent) + _builder.Repeats - _duplicates;

    /// <inheritdoc/>
    public long Duplicates => _duplicates;

    /// <inheritdoc/>
    public string? Finishing => "sending the last batch and counting events stored by earlier runs";

    /// <inheritdoc/>
    public TimeSpan FinishingTime { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="StoreException">A batch could not be stored.</exception>
    public void Write(ReadOnlySpan<byte> ndjson)
    {
        ThrowIfFailed();
        var buffer = ArrayPool<byte>.Shared.Rent(ndjson.Length);
        ndjson.CopyTo(buffer);
        try
        {
            _records.Add(new Chunk(buffer, ndjson.Length));
        }
        catch (InvalidOperationException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ThrowIfFailed();
            throw;
        }
    }

    /// <summary>Nothing to do: rows go in whole batches; <see cref="Complete"/> sends the last.</summary>
    public void Flush() => ThrowIfFailed();

    /// <inheritdoc/>
    public void Complete()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Stop();
        ThrowIfFailed();
        _duplicates = _builder.Repeats + _countEarlierRuns();
        if (_builder.TimesOutOfRange > 0)
        {
            _warn?.Invoke($"{_builder.TimesOutOfRange:N0} time{(_builder.TimesOutOfRange == 1 ? "" : "s")} outside what the store's time columns hold were stored as NULL (their records are stored; ClickHouse would have wrapped them)");
        }

        FinishingTime = clock.Elapsed;
    }

    /// <summary>Stops the threads; the batches sent so far stay stored.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        Stop();
        _records.Dispose();
        _batches.Dispose();
        _builder.Dispose();
        _stopping.Dispose();
    }

    private void Stop()
    {
        if (!_completed)
        {
            _completed = true;
            _records.CompleteAdding();
            _converter.Join();
            _sender.Join();
        }
    }

    private void Convert()
    {
        try
        {
            foreach (var chunk in _records.GetConsumingEnumerable())
            {
                if (_failure is null)
                {
                    foreach (var line in new NdjsonLines(chunk.Buffer.AsSpan(0, chunk.Length)))
                    {
                        if (_builder.Add(line) is { } batch)
                        {
                            _batches.Add(batch);
                        }
                    }
                }

                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            if (_failure is null && _builder.Finish() is { } last)
            {
                _batches.Add(last);
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            _failure ??= e;
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }

    private void Send()
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            if (_failure is not null)
            {
                continue;
            }

            try
            {
                _inserter.Insert(batch, _stopping.Token);
                Interlocked.Add(ref _sent, batch.Rows);
            }
            catch (ClickHouseException e)
            {
                _failure = new StoreException(
                    $"{_location}: batch {batch.Number} (records {batch.FirstRecord:N0} to {batch.FirstRecord + batch.Rows - 1:N0} of this run) could not be stored: {e.Message}. "
                    + $"{StoredSoFar(batch)}; running the same input again stores the rest once (stored events are folded by their keys).",
                    e);
            }
            catch (OperationCanceledException)
            {
                _failure ??= new StoreException($"{_location}: stopped while sending batch {batch.Number}; {StoredSoFar(batch)}");
            }
        }
    }

    private string StoredSoFar(InsertBatch failed) => failed.FirstRecord == 1
        ? $"no record of run {_ingestId} is stored"
        : $"records 1 to {failed.FirstRecord - 1:N0} of run {_ingestId} are stored";

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw failure as StoreException ?? new StoreException($"{_location}: writing the store failed: {failure.Message}", failure);
        }
    }

    private sealed record Chunk(byte[] Buffer, int Length);
}
