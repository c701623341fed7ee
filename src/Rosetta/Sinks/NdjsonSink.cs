namespace Rosetta.Sinks;

/// <summary>Writes normalized records as NDJSON to a stream.</summary>
public sealed class NdjsonSink(Stream stream, bool ownsStream = true) : IRecordSink
{
    private readonly Stream _stream = stream;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> ndjson) => _stream.Write(ndjson);

    /// <inheritdoc/>
    public void Flush() => _stream.Flush();

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream.Flush();
        if (ownsStream)
        {
            _stream.Dispose();
        }
    }
}
