using Rosetta.Sources;

namespace Rosetta.Tests.Sources;

/// <summary>Serves its bytes in reads no larger than a rule says, so that records straddle every refill boundary.</summary>
internal sealed class TrickleStream(byte[] data, Func<int, int> maxRead) : ReadOnlyStream
{
    private int _position;

    /// <summary>Reads of at most <paramref name="chunk"/> bytes.</summary>
    public static TrickleStream Chunks(byte[] data, int chunk) => new(data, _ => chunk);

    /// <summary>One read up to byte <paramref name="split"/>, then the rest.</summary>
    public static TrickleStream SplitAt(byte[] data, int split) => new(data, position => position < split ? split - position : data.Length);

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, maxRead(_position)), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
