namespace Rosetta.Sources;

/// <summary>
/// Takes what it can from the unread bytes of a stream: returns how many it used (0 when it needs more input).
/// <paramref name="done"/> is true once the stream has ended: then it should use what is left.
/// </summary>
internal delegate int WindowConsumer(ReadOnlySpan<byte> window, bool done);

/// <summary>Reads a stream through one buffer that compacts, and grows only for a record longer than itself.</summary>
internal static class StreamWindow
{
    public static void Read(Stream stream, int bufferSize, WindowConsumer consume)
    {
        var buffer = new byte[bufferSize];
        int start = 0, end = 0;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            var done = read == 0;
            end += read;
            int used;
            while (start < end && (used = consume(buffer.AsSpan(start, end - start), done)) > 0)
            {
                start += used;
            }

            if (done)
            {
                return;
            }

            if (start == end)
            {
                start = end = 0;
            }
        }
    }
}
