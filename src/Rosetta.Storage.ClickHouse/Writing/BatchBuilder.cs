using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Rosetta.Storage.ClickHouse.Writing;

/// <summary>
/// Gathers rows into <see cref="InsertBatch"/>es of <see cref="RowsPerBatch"/> rows, compressing as it goes (a batch's
/// uncompressed rows are never all in memory). An event twice in one batch is sent once: rows of one insert share a
/// part, and ClickHouse 18.16 does not fold a part's own repeats when a query says FINAL.
/// </summary>
internal sealed class BatchBuilder(TsvRowWriter rows, long ingestId, int rowsPerBatch) : IDisposable
{
    private const int FlushBytes = 1 << 20;
    private readonly ArrayBufferWriter<byte> _pending = new(FlushBytes * 2);
    private MemoryStream? _compressed;
    private GZipStream? _gzip;
    private byte[] _token = [];
    private int _number;
    private int _rows;
    private long _records;
    private readonly HashSet<UInt128> _keys = [];

    /// <summary>Records left out because their event was already in the same batch.</summary>
    public long Repeats { get; private set; }

    /// <summary>Times outside what the store's time columns hold, sent as NULL.</summary>
    public long TimesOutOfRange => rows.TimesOutOfRange;

    /// <summary>Rows per batch.</summary>
    public int RowsPerBatch => rowsPerBatch;

    /// <summary>Adds a record; returns a full batch when this record completed one.</summary>
    public InsertBatch? Add(ReadOnlySpan<byte> record)
    {
        if (_gzip is null)
        {
            _number++;
            _token = Encoding.ASCII.GetBytes(Token(ingestId, _number));
            _compressed = new MemoryStream();
            _gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        }

        if (!_keys.Add(rows.Read(record)))
        {
            Repeats++;
            return null;
        }

        rows.Emit(record, _token, _pending);
        _rows++;
        if (_pending.WrittenCount >= FlushBytes)
        {
            _gzip.Write(_pending.WrittenSpan);
            _pending.ResetWrittenCount();
        }

        return _rows >= rowsPerBatch ? Finish() : null;
    }

    /// <summary>The rows added since the last batch, as a batch; null when there are none.</summary>
    public InsertBatch? Finish()
    {
        if (_gzip is null || _rows == 0)
        {
            return null;
        }

        _gzip.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
        _gzip.Dispose();
        var batch = new InsertBatch(Encoding.ASCII.GetString(_token), _number, _records + 1, _rows, _compressed!.ToArray());
        _records += _rows;
        _rows = 0;
        _keys.Clear();
        _gzip = null;
        _compressed = null;
        return batch;
    }

    /// <summary>Drops a batch still being gathered (a run that stopped).</summary>
    public void Dispose()
    {
        _gzip?.Dispose();
        _compressed?.Dispose();
    }

    /// <summary>The token of batch <paramref name="number"/> of run <paramref name="ingestId"/>.</summary>
    public static string Token(long ingestId, int number) => $"{ingestId}-{number}";
}
