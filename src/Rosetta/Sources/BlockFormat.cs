namespace Rosetta.Sources;

/// <summary>
/// A format whose records a parallel run can cut into blocks: how it is read whole, where a block of whole records
/// ends, and how one block is read. Blocks are cut in input order, each starting where a record starts.
/// </summary>
internal abstract class BlockFormat
{
    /// <summary>One JSON value per line.</summary>
    public static BlockFormat Ndjson { get; } = new NdjsonBlocks();

    /// <summary>A header row, then rows (RFC 4180 quoting: a quoted cell may hold line breaks).</summary>
    public static BlockFormat Csv(char separator) => new CsvBlocks(separator);

    /// <summary>Hands every record of <paramref name="stream"/> to <paramref name="consumer"/> (one thread).</summary>
    public abstract void Read(Stream stream, IRecordConsumer consumer);

    /// <summary>How many bytes at the start of <paramref name="text"/> are whole records: up to the last record end in it, or 0.</summary>
    public abstract int WholeRecords(ReadOnlySpan<byte> text);

    /// <summary>
    /// Lines the reader of a block numbers before the block's own: 0 for the first block; a table's later blocks are
    /// read after their header again.
    /// </summary>
    public virtual long LinesBefore(bool first) => 0;

    /// <summary>Hands the records of one block to <paramref name="consumer"/>, numbering lines from 1.</summary>
    public abstract void ReadBlock(byte[] block, int length, bool first, IRecordConsumer consumer);

    private sealed class NdjsonBlocks : BlockFormat
    {
        public override void Read(Stream stream, IRecordConsumer consumer) => NdjsonReader.Read(stream, consumer);

        public override int WholeRecords(ReadOnlySpan<byte> text) => text.LastIndexOf((byte)'\n') + 1;

        public override void ReadBlock(byte[] block, int length, bool first, IRecordConsumer consumer) =>
            NdjsonReader.Read(block.AsSpan(0, length), consumer);
    }

    /// <summary>
    /// Rows end at a line break outside quotes. A quote opens a quoted cell only at the start of a cell (elsewhere it
    /// is a stray quote, kept as text); in a quoted cell, two quotes are one. Every block but the first is read after
    /// a copy of the header row, which the first cut keeps.
    /// </summary>
    private sealed class CsvBlocks(char separator) : BlockFormat
    {
        private byte[]? _header;
        private long _headerLines;

        public override void Read(Stream stream, IRecordConsumer consumer) => CsvRecordReader.Read(stream, consumer, separator);

        public override int WholeRecords(ReadOnlySpan<byte> text)
        {
            var end = 0;
            var at = 0;
            var quoted = false;
            while (at < text.Length)
            {
                if (quoted)
                {
                    var quote = text[at..].IndexOf((byte)'"');
                    if (quote < 0 || at + quote + 1 == text.Length)
                    {
                        break; // the cell goes on (or its quote may be the first of two) past what is read
                    }

                    at += quote + 1;
                    if (text[at] == '"')
                    {
                        at++;
                    }
                    else
                    {
                        quoted = false;
                    }

                    continue;
                }

                var stop = text[at..].IndexOfAny((byte)'"', (byte)'\n');
                if (stop < 0)
                {
                    break;
                }

                at += stop;
                if (text[at] == '\n')
                {
                    end = at + 1;
                    if (_header is null)
                    {
                        _header = text[..end].ToArray();
                        _headerLines = _header.AsSpan().Count((byte)'\n');
                    }
                }
                else
                {
                    quoted = at == 0 || text[at - 1] == separator || text[at - 1] == '\n';
                }

                at++;
            }

            return end;
        }

        public override long LinesBefore(bool first) => first ? 0 : _headerLines;

        public override void ReadBlock(byte[] block, int length, bool first, IRecordConsumer consumer)
        {
            Stream rows = new MemoryStream(block, 0, length, writable: false);
            if (!first && _header is not null)
            {
                rows = new PrefixedStream(_header, _header.Length, rows);
            }

            using (rows)
            {
                CsvRecordReader.Read(rows, consumer, separator);
            }
        }
    }
}
