namespace Rosetta.Sources;

/// <summary>Hands each non-blank line of a stream (or of text in memory) to the consumer as a JSON value.</summary>
internal static class NdjsonReader
{
    public static void Read(Stream stream, IRecordConsumer consumer, int bufferSize = 1 << 20) =>
        LineReader.Read(stream, (line, number) => Emit(line, number, consumer), bufferSize);

    public static void Read(ReadOnlySpan<byte> text, IRecordConsumer consumer) =>
        LineReader.Read(text, (line, number) => Emit(line, number, consumer));

    private static void Emit(ReadOnlySpan<byte> line, long number, IRecordConsumer consumer)
    {
        if (!line.Trim(" \t"u8).IsEmpty)
        {
            consumer.Json(line, number);
        }
    }
}
