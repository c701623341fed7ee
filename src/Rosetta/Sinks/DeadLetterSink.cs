using System.Text;
using Rosetta.Json;

namespace Rosetta.Sinks;

/// <summary>
/// Keeps every input record that did not become a normalized record, as NDJSON: why, where it came from, and the
/// record as written. The file is created on the first dead letter only.
/// </summary>
public sealed class DeadLetterSink : IDisposable
{
    private readonly Func<Stream> _open;
    private readonly JsonBuffer _buffer = new();
    private Stream? _stream;

    /// <summary>Creates a sink that opens its stream on the first dead letter.</summary>
    public DeadLetterSink(Func<Stream> open) => _open = open;

    /// <summary>How many dead letters were written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one dead letter.</summary>
    public void Write(string reason, string message, string input, long line, ReadOnlySpan<byte> raw)
    {
        _buffer.Clear();
        _buffer.StartObject();
        _buffer.Name("\"reason\":"u8);
        _buffer.String(reason);
        _buffer.Name("\"message\":"u8);
        _buffer.String(message);
        _buffer.Name("\"input\":"u8);
        _buffer.String(input);
        _buffer.Name("\"line\":"u8);
        _buffer.Number(line);
        _buffer.Name("\"raw\":"u8);
        if (System.Text.Unicode.Utf8.IsValid(raw))
        {
            _buffer.String(raw);
        }
        else
        {
            _buffer.String(Encoding.UTF8.GetString(raw)); // invalid bytes become U+FFFD; the input file still holds them
        }

        _buffer.EndObject();
        _buffer.NewLine();
        _stream ??= _open();
        _stream.Write(_buffer.WrittenSpan);
        Count++;
    }

    /// <summary>Appends dead letters another sink wrote (a block of a parallel run), in order.</summary>
    internal void Append(ReadOnlySpan<byte> ndjson, long count)
    {
        if (count == 0)
        {
            return;
        }

        _stream ??= _open();
        _stream.Write(ndjson);
        Count += count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream?.Flush();
        _stream?.Dispose();
    }
}
