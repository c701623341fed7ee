using System.Buffers;
using System.Collections.Concurrent;
using Rosetta.Mapping;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>
/// Normalizes an NDJSON stream on several threads: the stream is cut into blocks of whole lines, each block is
/// normalized by a worker with its own normalizer into its own buffers, and the blocks' records, dead letters and
/// counts are handed on in input order. At most one block per thread and one more are in flight, so memory stays bounded.
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
        var pending = new Queue<Task<Block>>();
        long nextLine = 1;
        StreamWindow.Read(stream, BlockBytes, (window, done) =>
        {
            // Whole lines only (all of what is left at the end); a line longer than the window makes it grow.
            var end = done ? window.Length : window.LastIndexOf((byte)'\n') + 1;
            if (end == 0)
            {
                return 0;
            }

            var text = ArrayPool<byte>.Shared.Rent(end);
            window[..end].CopyTo(text);
            var firstLine = nextLine;
            nextLine += window[..end].Count((byte)'\n');
            pending.Enqueue(Task.Run(() => Normalize(text, end, firstLine, input)));
            while (pending.Count > _threads)
            {
                Hand(pending.Dequeue().Result, sink, deadLetters, summary);
            }

            return end;
        });

        while (pending.Count > 0)
        {
            Hand(pending.Dequeue().Result, sink, deadLetters, summary);
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

    /// <summary>A normalizer and the buffer it writes a block into (kept from block to block); one block at a time.</summary>
    private sealed class Worker(RecordNormalizer normalizer, RunProgress progress)
    {
        private readonly ArrayBufferWriter<byte> _records = new(BlockBytes * 2);

        public Block Normalize(byte[] text, int length, long firstLine, string input)
        {
            _records.ResetWrittenCount();
            using var dead = new MemoryStream();
            var summary = new RunSummary();
            var sink = new BufferSink(_records);
            using var deadLetters = new DeadLetterSink(() => new NonClosingStream(dead));
            var consumer = new NormalizingConsumer(normalizer, sink, deadLetters, summary, progress) { Input = input, LineOffset = firstLine - 1 };
            NdjsonReader.Read(text.AsSpan(0, length), consumer);
            consumer.Flush();
            var records = ArrayPool<byte>.Shared.Rent(Math.Max(_records.WrittenCount, 1));
            _records.WrittenSpan.CopyTo(records);
            return new Block(records, _records.WrittenCount, dead.ToArray(), deadLetters.Count, summary);
        }
    }

    /// <summary>Collects a block's records in memory.</summary>
    private sealed class BufferSink(ArrayBufferWriter<byte> buffer) : IRecordSink
    {
        public void Write(ReadOnlySpan<byte> ndjson) => buffer.Write(ndjson);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
