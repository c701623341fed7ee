namespace Rosetta.Mapping;

/// <summary>A growable byte buffer one thread reuses for text it must unescape (JSON inside JSON strings).</summary>
internal sealed class Scratch
{
    private byte[] _buffer = new byte[1024];

    /// <summary>At least <paramref name="length"/> bytes; the content of an earlier take is gone.</summary>
    public Span<byte> Take(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        return _buffer;
    }
}
