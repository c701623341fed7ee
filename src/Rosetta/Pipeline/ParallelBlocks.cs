using System.Buffers;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Rosetta.Mapping;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>
/// Normalizes an input on several threads. Each thread in turn takes the stream's next block of whole records
/// (reading it itself, so the bytes are in its own cache when it normalizes them), normalizes it with its own
/// normalizer into its own buffers, and hands the result on: whichever thread finishes the next block in input order
/// writes it and any that follow it already done. At most one block per thread and two more are taken and not yet
/// written, so memory stays bounded. The thread that calls <see cref="Run"/> is one of the threads.
/// </summary>
internal sealed class ParallelBlocks : IDisposable
{
    private const int BlockBytes = 2 << 20;
    private readonly Worker[] _workers;

    public ParallelBlocks(int threads, Func<RecordNormalizer> normalizer, RunProgress progress)
    {
        // The workers are made here, one after the other, and not by their threads at the same time: objects two
        // threads allocate at once lie side by side, and after the GC packs them, a small one each thread writes
        // per record could share a cache line with the other's. Two-thread runs then took half again as much CPU,
        // in one run of two (FieldValues.Begin 19 times slower in the profile).
        _workers = new Worker[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = new Worker(normalizer(), progress);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end; records go to <paramref name="sink"/> in order.</summary>
    public void Run(Stream stream, BlockFormat format, string input, IRecordSink sink, DeadLetterSink deadLetters, RunSummary summary)
    {
        using var run = new SharedRun(Blocks(stream, format), _workers.Length + 2, sink, deadLetters, summary);
        var others = _workers[1..]
            .Select(worker => Task.Factory.StartNew(() => Work(run, worker, format, input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Work(run, _workers[0], format, input);
        Task.WaitAll(others);
        run.ThrowIfFailed();
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
    }

    /// <summary>One thread's part: takes, normalizes and hands on blocks until the stream ends or a thread fails.</summary>
    private static void Work(SharedRun run, Worker worker, BlockFormat format, string input)
    {
        try
        {
            while (run.TryTake(out var text))
            {
                Block block;
                try
                {
                    block = worker.Normalize(text, format, input);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(text.Bytes);
                }

                run.Hand(text.Sequence, block);
            }
        }
        catch (Exception e)
        {
            run.Fail(e);
        }
    }

    /// <summary>
    /// Cuts the stream into blocks of whole records (all of what is left at the end), each read straight into a pooled
    /// array of its own; the piece of a record a block ends with starts the next. A record longer than a block makes
    /// the next block larger.
    /// </summary>
    private static IEnumerable<(byte[] Text, int Length)> Blocks(Stream stream, BlockFormat format)
    {
        var carry = new byte[64 * 1024];
        var carried = 0;
        while (true)
        {
            var block = ArrayPool<byte>.Shared.Rent(Math.Max(BlockBytes, carried * 2));
            carry.AsSpan(0, carried).CopyTo(block);
            var filled = carried;
            var done = false;
            while (filled < block.Length && !done)
            {
                var read = stream.Read(block, filled, block.Length - filled);
                done = read == 0;
                filled += read;
            }

            var end = done ? filled : format.WholeRecords(block.AsSpan(0, filled));
            carried = filled - end;
            if (carried > carry.Length)
            {
                carry = new byte[Math.Max(carry.Length * 2, carried)];
            }

            block.AsSpan(end, carried).CopyTo(carry);
            if (end > 0)
            {
                yield return (block, end);
            }
            else
            {
                ArrayPool<byte>.Shared.Return(block);
            }

            if (done)
            {
                yield break;
            }
        }
    }

    /// <summary>A block of whole records taken from the stream: its text (a pooled array), first line number and place.</summary>
    private readonly record struct Text(byte[] Bytes, int Length, long FirstLine, long Sequence);

    /// <summary>
    /// What the threads of one run share: the stream's blocks, taken one at a time, and the blocks done but not yet
    /// written. The first failure of any thread stops the others and is rethrown by <see cref="ThrowIfFailed"/>.
    /// </summary>
    private sealed class SharedRun(IEnumerable<(byte[] Text, int Length)> blocks, int inFlight, IRecordSink sink, DeadLetterSink deadLetters, RunSummary summary) : IDisposable
    {
        private static readonly TimeSpan SpinLimit = TimeSpan.FromMilliseconds(2);
        private readonly IEnumerator<(byte[] Text, int Length)> _blocks = blocks.GetEnumerator();
        private readonly SemaphoreSlim _slots = new(inFlight);
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _taking = new();
        private readonly Lock _handing = new();
        private readonly Dictionary<long, Block> _done = [];
        private long _taken;
        private long _nextLine = 1;
        private long _written;
        private bool _writing;
        private ExceptionDispatchInfo? _failure;

        /// <summary>Takes the next block, waiting while as many as may be are taken and not yet written; false at the end.</summary>
        public bool TryTake(out Text text)
        {
            text = default;
            try
            {
                _slots.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            EnterTaking();
            try
            {
                if (_stop.IsCancellationRequested || !_blocks.MoveNext())
                {
                    _slots.Release();
                    return false;
                }

                var (bytes, length) = _blocks.Current;
                text = new Text(bytes, length, _nextLine, _taken++);
                _nextLine += bytes.AsSpan(0, length).Count((byte)'\n');
                return true;
            }
            finally
            {
                _taking.Exit();
            }
        }

        /// <summary>
        /// Waits for the turn to take a block, spinning while another thread reads one (a fraction of a millisecond),
        /// then sleeping if the read takes longer (a pipe waiting for its writer). On this project's 2-core VM, threads
        /// that slept and woke at every block made 2 runs in 16 take a fifth to a quarter more CPU; spinning, none of 24.
        /// </summary>
        private void EnterTaking()
        {
            var start = Stopwatch.GetTimestamp();
            while (!_taking.TryEnter())
            {
                if (Stopwatch.GetElapsedTime(start) > SpinLimit)
                {
                    _taking.Enter();
                    return;
                }

                Thread.SpinWait(20);
            }
        }

        /// <summary>
        /// Hands on the block taken <paramref name="sequence"/>-th. Unless another thread is writing (and will see
        /// it), writes it and every block done after it in order.
        /// </summary>
        public void Hand(long sequence, Block block)
        {
            lock (_handing)
            {
                _done.Add(sequence, block);
                if (_writing)
                {
                    return;
                }

                _writing = true;
            }

            while (true)
            {
                Block next;
                lock (_handing)
                {
                    if (!_done.Remove(_written, out next!))
                    {
                        _writing = false;
                        return;
                    }

                    _written++;
                }

                Write(next);
                _slots.Release();
            }
        }

        public void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            _stop.Cancel();
        }

        public void ThrowIfFailed() => _failure?.Throw();

        public void Dispose()
        {
            _blocks.Dispose();
            _slots.Dispose();
            _stop.Dispose();
        }

        private void Write(Block block)
        {
            if (block.RecordsLength > 0)
            {
                sink.Write(block.Records.AsSpan(0, block.RecordsLength));
            }

            ArrayPool<byte>.Shared.Return(block.Records);
            deadLetters.Append(block.DeadLetters, block.DeadLetterCount);
            summary.Add(block.Summary);
        }
    }

    /// <summary>What a block became: its records (in a pooled array) and dead letters as NDJSON, and its counts.</summary>
    private sealed record Block(byte[] Records, int RecordsLength, byte[] DeadLetters, long DeadLetterCount, RunSummary Summary);

    /// <summary>A normalizer and its dead-letter buffers, kept from block to block; one block at a time.</summary>
    private sealed class Worker(RecordNormalizer normalizer, RunProgress progress) : IDisposable
    {
        private readonly MemoryStream _dead = new();
        private readonly byte[] _spacer = new byte[256]; // allocated last: keeps the next worker's objects off this one's cache lines
        private DeadLetterSink? _deadLetters;

        public Block Normalize(Text text, BlockFormat format, string input)
        {
            _deadLetters ??= new DeadLetterSink(() => new NonClosingStream(_dead));
            var deadBefore = _deadLetters.Count;
            var summary = new RunSummary();
            var records = new PooledSink(text.Length + (text.Length / 2));
            var first = text.Sequence == 0;
            var consumer = new NormalizingConsumer(normalizer, records, _deadLetters, summary, progress)
            {
                Input = input,
                LineOffset = text.FirstLine - 1 - format.LinesBefore(first),
            };
            format.ReadBlock(text.Bytes, text.Length, first, consumer);
            consumer.Flush();
            var dead = _dead.ToArray();
            _dead.SetLength(0);
            return new Block(records.Buffer, records.Length, dead, _deadLetters.Count - deadBefore, summary);
        }

        public void Dispose()
        {
            _deadLetters?.Dispose();
            _dead.Dispose();
        }
    }

    /// <summary>Collects a block's records in a pooled array, which goes on with the block (no copy).</summary>
    private sealed class PooledSink(int capacity) : IRecordSink
    {
        public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; private set; }

        public void Write(ReadOnlySpan<byte> ndjson)
        {
            if (Buffer.Length - Length < ndjson.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + ndjson.Length));
                Buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = larger;
            }

            ndjson.CopyTo(Buffer.AsSpan(Length));
            Length += ndjson.Length;
        }

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
