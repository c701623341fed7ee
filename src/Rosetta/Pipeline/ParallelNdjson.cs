using System.Buffers;
using System.Collections.Concurrent;
using Rosetta.Mapping;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>
/// Normalizes an NDJSON stream on several threads: the stream is cut into blocks of whole lines, each block is
/// normalized by a worker with its own normalizer into its own buffers, and the blocks' records, dead letters and
/// counts are handed on in input order. The thread that reads is one of the workers. At most one block per thread
/// and two more are in flight, so memory stays bounded.
/// </summary>
internal sealed class ParallelNdjson
{
    private const int BlockBytes = 2 << 20;
    private readonly ConcurrentBag<Worker> _workers = [];
    private readonly Func<Worker> _create;
    private readonly int _threads;

    public ParallelNdjson(int threads, Func<RecordNormalizer> normalizer, RunProgress progress)
    {
        _threads = threads;
        _create = () => new Worker(normalizer(), progress);
    }

    /// <summary>Reads <paramref name="stream"/> to its end; records go to <paramref name="sink"/> in order.</summary>
    public void Run(Stream stream, string input, IRecordSink sink, DeadLetterSink deadLetters, RunSummary summary)
    {
        // This thread reads the blocks and is one of the threads: when the others are all busy it normalizes the
        // block it has just read itself (still in its cache) rather than wait.
        var pending = new Queue<Task<Block>>();
        long nextLine = 1;
        foreach (var (text, length) in Blocks(stream))
        {
            var firstLine = nextLine;
            nextLine += text.AsSpan(0, length).Count((byte)'\n');
            pending.Enqueue(pending.Count(task => !task.IsCompleted) < _threads - 1
                ? Task.Run(() => Normalize(text, length, firstLine, input))
                : Task.FromResult(Normalize(text, length, firstLine, input)));
            while (pending.Count > 0 && (pending.Peek().IsCompleted || pending.Count > _threads + 2))
            {
                Hand(pending.Dequeue().Result, sink, deadLetters, summary);
            }
        }

        while (pending.Count > 0)
        {
            Hand(pending.Dequeue().Result, sink, deadLetters, summary);
        }
    }

    /// <summary>
    /// Cuts the stream into blocks of whole lines (all of what is left at the end), each read straight into a pooled
    /// array of its own; the piece of a line a block ends with starts the next. A line longer than a block makes the
    /// next block larger.
    /// </summary>
    private static IEnumerable<(byte[] Text, int Length)> Blocks(Stream stream)
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

            var end = done ? filled : block.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
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

    private Block Normalize(byte[] text, int length, long firstLine, string input)
    {
        if (!_workers.TryTake(out var worker))
        {
            worker = _create();
        }

        try
        {
            return worker.Normalize(text, length, firstLine, input);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
            _workers.Add(worker);
        }
    }

    private static void Hand(Block block, IRecordSink sink, DeadLetterSink deadLetters, RunSummary summary)
    {
        if (block.RecordsLength > 0)
        {
            sink.Write(block.Records.AsSpan(0, block.RecordsLength));
        }

        ArrayPool<byte>.Shared.Return(block.Records);
        deadLetters.Append(block.DeadLetters, block.DeadLetterCount);
        summary.Add(block.Summary);
    }

    /// <summary>What a block became: its records (in a pooled array) and dead letters as NDJSON, and its counts.</summary>
    private sealed record Block(byte[] Records, int RecordsLength, byte[] DeadLetters, long DeadLetterCount, RunSummary Summary);

    /// <summary>A normalizer, kept from block to block; one block at a time.</summary>
    private sealed class Worker(RecordNormalizer normalizer, RunProgress progress)
    {
        public Block Normalize(byte[] text, int length, long firstLine, string input)
        {
            using var dead = new MemoryStream();
            var summary = new RunSummary();
            var records = new PooledSink(length + (length / 2));
            using var deadLetters = new DeadLetterSink(() => new NonClosingStream(dead));
            var consumer = new NormalizingConsumer(normalizer, records, deadLetters, summary, progress) { Input = input, LineOffset = firstLine - 1 };
            NdjsonReader.Read(text.AsSpan(0, length), consumer);
            consumer.Flush();
            return new Block(records.Buffer, records.Length, dead.ToArray(), deadLetters.Count, summary);
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
