namespace Rosetta.Sources;

/// <summary>Receives one line (without its line break and, on the first line, without a UTF-8 byte order mark).</summary>
internal delegate void LineHandler(ReadOnlySpan<byte> line, long number);

/// <summary>Cuts a stream into lines over one <see cref="StreamWindow"/>: a line is never copied, however long.</summary>
internal static class LineReader
{
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static void Read(Stream stream, LineHandler handler, int bufferSize = 1 << 20)
    {
        long line = 1;
        StreamWindow.Read(stream, bufferSize, (window, done) => Lines(window, done, ref line, handler));
    }

    /// <summary>Cuts text already in memory into lines, numbered from 1.</summary>
    public static void Read(ReadOnlySpan<byte> text, LineHandler handler)
    {
        long line = 1;
        Lines(text, done: true, ref line, handler);
    }

    /// <summary>Hands on every whole line of <paramref name="window"/> (and, when <paramref name="done"/>, the unfinished last one); returns the bytes used.</summary>
    private static int Lines(ReadOnlySpan<byte> window, bool done, ref long line, LineHandler handler)
    {
        var used = 0;
        int newline;
        while ((newline = window[used..].IndexOf((byte)'\n')) >= 0)
        {
            Emit(window.Slice(used, newline), line++, handler);
            used += newline + 1;
        }

        if (done && used < window.Length)
        {
            Emit(window[used..], line++, handler);
            used = window.Length;
        }

        return used;
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
