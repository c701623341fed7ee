namespace Rosetta.Pipeline;

/// <summary>Counters a long run updates as it goes, for a progress line; read from another thread.</summary>
public sealed class RunProgress
{
    private long _bytes;
    private long _events;

    /// <summary>Bytes read from the inputs so far (compressed bytes for gzip inputs).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Events read so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>The input being read.</summary>
    public string? CurrentInput { get; internal set; }

    internal void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

    internal void AddEvents(long count) => Interlocked.Add(ref _events, count);
}
