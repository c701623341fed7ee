namespace Rosetta.Sinks;

/// <summary>Where normalized records go. Receives them in batches of NDJSON lines, in input order.</summary>
public interface IRecordSink : IDisposable
{
    /// <summary>Writes a batch of normalized records, one JSON object per line.</summary>
    void Write(ReadOnlySpan<byte> ndjson);

    /// <summary>Flushes what is buffered; the sink stays usable.</summary>
    void Flush();
}
