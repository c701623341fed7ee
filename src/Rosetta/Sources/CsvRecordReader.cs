using CsvHelper;

namespace Rosetta.Sources;

/// <summary>Reads comma- or tab-separated values with a header row (RFC 4180 quoting), as portals export them.</summary>
internal static class CsvRecordReader
{
    public static void Read(Stream stream, IRecordConsumer consumer, char separator)
    {
        CsvMalformedRecord? malformed = null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed ??= record,
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var header = reader.Headers.ToArray();
        var layout = consumer.Header(header);
        var data = new byte[4096];
        var cells = new Range[header.Length];
        while (reader.Read())
        {
            long line = reader.LineNumber;
            if (malformed is not null)
            {
                consumer.Malformed(reader.RawRecord, line, $"malformed CSV row ({Describe(malformed.Value.Reason)})");
                malformed = null;
                continue;
            }

            if (reader.FieldCount != header.Length)
            {
                consumer.Malformed(reader.RawRecord, line, $"the row has {reader.FieldCount} cells where the header has {header.Length}");
                continue;
            }

            var length = 0;
            for (var i = 0; i < header.Length; i++)
            {
                var value = reader.GetSpan(i);
                if (data.Length - length < value.Length)
                {
                    Array.Resize(ref data, Math.Max(data.Length * 2, length + value.Length));
                }

                value.CopyTo(data.AsSpan(length));
                cells[i] = new Range(length, length + value.Length);
                length += value.Length;
            }

            consumer.Row(layout, data.AsSpan(0, length), cells, line, reader.RawRecord);
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted cell",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted cell that never closes",
        _ => reason.ToString(),
    };
}
