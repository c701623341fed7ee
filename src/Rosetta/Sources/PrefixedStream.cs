namespace Rosetta.Sources;

/// <summary>A read-only stream that first returns bytes already read (to sniff them), then the rest of the inner stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int count, Stream inner) : ReadOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position >= count)
        {
            return inner.Read(buffer);
        }

        var n = Math.Min(buffer.Length, count - _position);
        prefix.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
