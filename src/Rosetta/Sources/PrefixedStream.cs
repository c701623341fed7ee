namespace Rosetta.Sources;

/// <summary>A read-only stream that first returns bytes already read (to sniff them), then the rest of the inner stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int count, Stream inner) : Stream
{
    private int _position;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_position < count)
        {
            n = Math.Min(buffer.Length, count - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
        }
        else
        {
            n = inner.Read(buffer);
        }

        BytesRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
