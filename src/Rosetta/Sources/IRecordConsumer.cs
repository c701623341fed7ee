using Rosetta.Mapping;

namespace Rosetta.Sources;

/// <summary>Receives the records a decoder cuts from an input, each with the line it starts on.</summary>
internal interface IRecordConsumer
{
    /// <summary>One JSON value (an event, an envelope, a wrapper or an array of them).</summary>
    void Json(ReadOnlySpan<byte> value, long line);

    /// <summary>A table header: returns the layout the rows are read with.</summary>
    ColumnLayout Header(IReadOnlyList<string> columns);

    /// <summary>One table row: <paramref name="cells"/> are ranges of <paramref name="data"/>; <paramref name="raw"/> is the row as written.</summary>
    void Row(ColumnLayout layout, ReadOnlySpan<byte> data, ReadOnlySpan<Range> cells, long line, ReadOnlySpan<byte> raw);

    /// <summary>Bytes that are no record: kept as a dead letter with the reason.</summary>
    void Malformed(ReadOnlySpan<byte> raw, long line, string reason);
}
