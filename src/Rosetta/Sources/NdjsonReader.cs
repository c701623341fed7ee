namespace Rosetta.Sources;

/// <summary>Hands each non-blank line of a stream to the consumer as a JSON value.</summary>
internal static class NdjsonReader
{
    public static void Read(Stream stream, IRecordConsumer consumer, int bufferSize = 1 << 20) =>
        LineReader.Read(stream, (line, number) =>
        {
            if (!line.Trim(" \t"u8).IsEmpty)
            {
                consumer.Json(line, number);
            }
        }, bufferSize);
}
