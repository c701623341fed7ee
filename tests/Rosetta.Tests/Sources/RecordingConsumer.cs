using System.Text;
using Rosetta.Mapping;
using Rosetta.Sources;

namespace Rosetta.Tests.Sources;

/// <summary>Keeps what a decoder hands over, as text, to compare decoders under different buffer sizes.</summary>
internal sealed class RecordingConsumer : IRecordConsumer
{
    public List<string> Seen { get; } = [];

    public void Json(ReadOnlySpan<byte> value, long line) => Seen.Add($"json {line}: {Encoding.UTF8.GetString(value)}");

    public ColumnLayout Header(IReadOnlyList<string> columns)
    {
        Seen.Add("header: " + string.Join("|", columns));
        return new ColumnLayout(columns, new PathNode());
    }

    public void Row(ColumnLayout layout, ReadOnlySpan<byte> data, ReadOnlySpan<Range> cells, long line, ReadOnlySpan<byte> raw)
    {
        var text = data.ToArray();
        var values = new List<string>();
        foreach (var cell in cells)
        {
            values.Add(Encoding.UTF8.GetString(text[cell]));
        }

        Seen.Add($"row {line}: {string.Join("|", values)}");
    }

    public void Malformed(ReadOnlySpan<byte> raw, long line, string reason) => Seen.Add($"malformed {line}: {reason}");
}
