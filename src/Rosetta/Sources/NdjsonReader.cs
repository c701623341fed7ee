namespace Rosetta.Sources;

/// <summary>Cuts a stream into lines and hands each non-blank line to the consumer as a JSON value.</summary>
internal static class NdjsonReader
{
    public static void Read(Stream stream, IRecordConsumer consumer, int bufferSize = 1 << 20)
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
                Emit(buffer.AsSpan(start, end - start), line, consumer);
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
                Emit(buffer.AsSpan(start, stop - start), line++, consumer);
                start = scan = stop + 1;
            }

            if (start == end)
            {
                start = end = 0;
            }
        }
    }

    private static void Emit(ReadOnlySpan<byte> line, long number, IRecordConsumer consumer)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (number == 1 && line.StartsWith(Utf8Bom))
        {
            line = line[3..];
        }

        if (!line.Trim(" \t"u8).IsEmpty)
        {
            consumer.Json(line, number);
        }
    }

    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
