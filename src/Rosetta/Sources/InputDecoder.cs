using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Rosetta.Sources;

/// <summary>Opens an input (gzip or not), tells its format from its first bytes, and hands its records to a consumer.</summary>
internal static class InputDecoder
{
    private const int SniffLength = 64 * 1024;

    /// <summary>
    /// Reads every record of <paramref name="input"/>. NDJSON and CSV go to <paramref name="inBlocks"/> instead of the
    /// consumer when it is given (a parallel run cuts them into blocks).
    /// </summary>
    public static void Decode(InputSource input, InputFormat format, IRecordConsumer consumer, Action<long>? bytesRead = null, Action<Stream, BlockFormat>? inBlocks = null)
    {
        using var raw = new ProgressStream(input.Open(), bytesRead);
        var (head, count) = Sniff(raw);
        Stream stream = new PrefixedStream(head, count, raw);
        if (count >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
            (head, count) = Sniff(stream);
            stream = new PrefixedStream(head, count, stream);
        }

        if (Utf16(head.AsSpan(0, count)) is { } encoding)
        {
            // PowerShell's redirection and Export-Csv on Windows PowerShell write UTF-16.
            stream = Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8);
            (head, count) = Sniff(stream);
            stream = new PrefixedStream(head, count, stream);
        }

        using (stream)
        {
            switch (format == InputFormat.Auto ? Detect(head.AsSpan(0, count)) : format)
            {
                case InputFormat.Json:
                    JsonDocumentReader.Read(stream, consumer);
                    break;
                case InputFormat.Xml:
                    XmlEventReader.Read(stream, consumer);
                    break;
                case InputFormat.Zeek:
                    ZeekTsvReader.Read(stream, consumer);
                    break;
                case InputFormat.Csv:
                    ReadRecords(BlockFormat.Csv(FirstLine(head.AsSpan(0, count)).IndexOf((byte)'\t') >= 0 ? '\t' : ','));
                    break;
                default:
                    ReadRecords(BlockFormat.Ndjson);
                    break;
            }
        }

        void ReadRecords(BlockFormat records)
        {
            if (inBlocks is not null)
            {
                inBlocks(stream, records);
            }
            else
            {
                records.Read(stream, consumer);
            }
        }
    }

    private static Encoding? Utf16(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
        : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
        : null;

    /// <summary>
    /// JSON arrays and multi-line documents are JSON; one complete value on the first line is NDJSON; markup is Windows
    /// event XML; a <c>#separator</c> line is a Zeek log; a header line is CSV.
    /// </summary>
    internal static InputFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(LineReader.Utf8Bom))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return InputFormat.Ndjson;
        }

        if (text[0] == '<')
        {
            return InputFormat.Xml;
        }

        if (ZeekTsvReader.Sniff(text))
        {
            return InputFormat.Zeek;
        }

        if (text[0] == '[')
        {
            return InputFormat.Json;
        }

        if (text[0] == '{')
        {
            return IsCompleteValue(FirstLine(text)) ? InputFormat.Ndjson : InputFormat.Json;
        }

        var first = FirstLine(text);
        return first.IndexOf((byte)',') > 0 || first.IndexOf((byte)'\t') > 0 ? InputFormat.Csv : InputFormat.Ndjson;
    }

    private static bool IsCompleteValue(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            reader.Skip();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> text)
    {
        var newline = text.IndexOf((byte)'\n');
        return newline < 0 ? text : text[..newline];
    }

    private static (byte[] Head, int Count) Sniff(Stream stream)
    {
        var head = new byte[SniffLength];
        var count = 0;
        int read;
        while (count < head.Length && (read = stream.Read(head, count, head.Length - count)) > 0)
        {
            count += read;
        }

        return (head, count);
    }
}
