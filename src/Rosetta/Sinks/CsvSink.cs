using System.Text.Json;
using CsvHelper;

namespace Rosetta.Sinks;

/// <summary>
/// Writes normalized records as CSV: a header of every standard name the loaded sources can produce, then the
/// source and event, field diagnostics, and the vendor leftovers as one JSON cell.
/// </summary>
public sealed class CsvSink : IRecordSink
{
    private readonly CsvWriter _csv;
    private readonly Dictionary<string, int> _index;
    private readonly string?[] _row;

    /// <summary>Creates the sink and writes the header row.</summary>
    public CsvSink(Stream stream, IReadOnlyList<string> standardNames, bool ownsStream = true)
    {
        _csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: !ownsStream);
        string[] columns = [.. standardNames, "rosetta_source", "rosetta_event", "rosetta_diagnostics", "vendor"];
        _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _row = new string?[columns.Length];
        _csv.WriteHeader(columns);
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> ndjson)
    {
        foreach (var line in new NdjsonLines(ndjson))
        {
            WriteRecord(line);
        }
    }

    private void WriteRecord(ReadOnlySpan<byte> line)
    {
        Array.Clear(_row);
        var reader = new Utf8JsonReader(line);
        using var record = JsonDocument.ParseValue(ref reader);
        foreach (var property in record.RootElement.EnumerateObject())
        {
            if (property.NameEquals("rosetta"))
            {
                _row[_index["rosetta_source"]] = property.Value.GetProperty("source").GetString();
                _row[_index["rosetta_event"]] = property.Value.GetProperty("event").GetString();
                if (property.Value.TryGetProperty("diagnostics", out var diagnostics))
                {
                    _row[_index["rosetta_diagnostics"]] = string.Join("; ", diagnostics.EnumerateArray().Select(d => d.GetString()));
                }
            }
            else if (_index.TryGetValue(property.Name, out var column))
            {
                _row[column] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => property.Value.GetRawText(),
                };
            }
        }

        _csv.WriteRecord(_row!);
    }

    /// <inheritdoc/>
    public void Flush() => _csv.Flush();

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();
}
