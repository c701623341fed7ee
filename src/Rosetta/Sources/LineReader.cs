namespace Rosetta.Sources;

/// <summary>Receives one line (without its line break and, on the first line, without a UTF-8 byte order mark).</summary>
internal delegate void LineHandler(ReadOnlySpan<byte> line, long number);

/// <summary>Cuts a stream into lines over one growing buffer: a line is never copied, however long.</summary>
internal static class LineReader
{
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static void Read(Stream stream, LineHandler handler, int bufferSize = 1 << 20)
    {
        var buffer = new byte[bufferSize];
        int start = 0, end = 0;
        long line = 1;
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
            if (read == 0)
            {
                if (end > start)
                {
                    Emit(buffer.AsSpan(start, end - start), line, handler);
                }

                return;
            }

            var scan = end;
            end += read;
            while (true)
            {
                var newline = buffer.AsSpan(scan, end - scan).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                var stop = scan + newline;
                Emit(buffer.AsSpan(start, stop - start), line++, handler);
                start = scan = stop + 1;
            }

            if (start == end)
            {
                start = end = 0;
            }
        }
    }

    private static void Emit(ReadOnlySpan<byte> line, long number, LineHandler handler)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (number == 1 && line.StartsWith(Utf8Bom))
        {
            line = line[3..];
        }

        handler(line, number);
    }
}
