using System.Text.Json;

namespace Rosetta.Sources;

/// <summary>
/// Cuts JSON documents into records without loading the whole input: values one after another (pretty-printed
/// or not), and the elements of top-level arrays, each handed to the consumer as soon as it is complete.
/// </summary>
internal static class JsonDocumentReader
{
    private const int MaxDeadLetterBytes = 1 << 20;

    public static void Read(Stream stream, IRecordConsumer consumer, int bufferSize = 1 << 20)
    {
        var buffer = new byte[bufferSize];
        int pos = 0, end = 0;
        long line = 1;
        var eof = false;
        var depth = 0; // 1 inside a top-level array
        while (true)
        {
            // skip white space, and the commas between array elements, counting lines
            while (pos < end && buffer[pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or 0xEF or 0xBB or 0xBF)
            {
                if (buffer[pos] == '\n')
                {
                    line++;
                }

                pos++;
            }

            if (pos == end)
            {
                if (eof)
                {
                    return;
                }

                (pos, end, eof) = Refill(stream, ref buffer, pos, end);
                continue;
            }

            if (depth == 0 && buffer[pos] == '[')
            {
                depth = 1;
                pos++;
                continue;
            }

            if (depth == 1 && buffer[pos] == ']')
            {
                depth = 0;
                pos++;
                continue;
            }

            int length;
            try
            {
                var reader = new Utf8JsonReader(buffer.AsSpan(pos, end - pos), eof, default);
                length = reader.Read() && reader.TrySkip() ? (int)reader.BytesConsumed : -1;
            }
            catch (JsonException e)
            {
                var rest = buffer.AsSpan(pos, Math.Min(end - pos, MaxDeadLetterBytes));
                consumer.Malformed(rest, line + (e.LineNumber ?? 0),
                    $"malformed JSON ({e.Message}); the rest of this input is not read");
                return;
            }

            if (length < 0)
            {
                if (eof)
                {
                    consumer.Malformed(buffer.AsSpan(pos, Math.Min(end - pos, MaxDeadLetterBytes)), line, "the input ends inside a JSON value");
                    return;
                }

                (pos, end, eof) = Refill(stream, ref buffer, pos, end);
                continue;
            }

            var value = buffer.AsSpan(pos, length);
            consumer.Json(value, line);
            line += value.Count((byte)'\n');
            pos += length;
        }
    }

    /// <summary>Keeps the unread bytes, grows the buffer if they fill it, and reads more.</summary>
    private static (int Pos, int End, bool Eof) Refill(Stream stream, ref byte[] buffer, int pos, int end)
    {
        var kept = end - pos;
        if (kept > buffer.Length / 2)
        {
            var bigger = new byte[buffer.Length * 2];
            Buffer.BlockCopy(buffer, pos, bigger, 0, kept);
            buffer = bigger;
        }
        else
        {
            Buffer.BlockCopy(buffer, pos, buffer, 0, kept);
        }

        var read = stream.Read(buffer, kept, buffer.Length - kept);
        return (0, kept + read, read == 0);
    }
}
