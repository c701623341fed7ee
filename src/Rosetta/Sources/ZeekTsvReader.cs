using System.Text;

namespace Rosetta.Sources;

/// <summary>
/// Reads Zeek's tab-separated logs: <c>#separator</c>, <c>#unset_field</c>, <c>#empty_field</c> and <c>#fields</c>
/// directives, then one row per line; a later <c>#fields</c> line (logs concatenated) starts a new table. The unset
/// (<c>-</c>) and empty (<c>(empty)</c>) markers become empty cells; <c>\xHH</c> escapes are decoded.
/// </summary>
internal sealed class ZeekTsvReader
{
    private readonly IRecordConsumer _consumer;
    private byte _separator = (byte)'\t';
    private byte[] _unset = "-"u8.ToArray();
    private byte[] _empty = "(empty)"u8.ToArray();
    private Mapping.ColumnLayout? _layout;
    private int _columns;
    private Range[] _cells = [];
    private byte[] _data = new byte[4096];

    private ZeekTsvReader(IRecordConsumer consumer) => _consumer = consumer;

    /// <summary>True when the first line is a Zeek header directive.</summary>
    public static bool Sniff(ReadOnlySpan<byte> firstLine) => firstLine.StartsWith("#separator"u8);

    public static void Read(Stream stream, IRecordConsumer consumer, int bufferSize = 1 << 20) =>
        LineReader.Read(stream, new ZeekTsvReader(consumer).Line, bufferSize);

    private void Line(ReadOnlySpan<byte> line, long number)
    {
        if (line.IsEmpty)
        {
            return;
        }

        if (line[0] == '#')
        {
            Directive(line);
            return;
        }

        if (_layout is null)
        {
            _consumer.Malformed(line, number, "a Zeek log row before any #fields header");
            return;
        }

        var length = 0;
        var count = 0;
        var rest = line;
        while (true)
        {
            var end = rest.IndexOf(_separator);
            var cell = end < 0 ? rest : rest[..end];
            if (count == _columns)
            {
                count++;
                break;
            }

            _cells[count++] = Append(cell, ref length);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        if (count != _columns)
        {
            _consumer.Malformed(line, number, $"the row has {(count > _columns ? "more than " + _columns : count)} cells where #fields names {_columns}");
            return;
        }

        _consumer.Row(_layout, _data.AsSpan(0, length), _cells.AsSpan(0, _columns), number, line);
    }

    /// <summary>Copies a cell into the row buffer (decoding <c>\xHH</c>); unset and empty cells are empty.</summary>
    private Range Append(ReadOnlySpan<byte> cell, ref int length)
    {
        if (cell.SequenceEqual(_unset) || cell.SequenceEqual(_empty))
        {
            return new Range(length, length);
        }

        if (_data.Length - length < cell.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, length + cell.Length));
        }

        var start = length;
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 3 < cell.Length && cell[i + 1] == 'x' && TryHex(cell.Slice(i + 2, 2), out var decoded))
            {
                _data[length++] = decoded;
                i += 3;
            }
            else
            {
                _data[length++] = cell[i];
            }
        }

        return new Range(start, length);
    }

    private void Directive(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOfAny((byte)' ', (byte)'\t');
        var name = space < 0 ? line : line[..space];
        var value = space < 0 ? [] : line[(space + 1)..];
        if (name.SequenceEqual("#separator"u8))
        {
            _separator = value.StartsWith("\\x"u8) && value.Length >= 4 && TryHex(value.Slice(2, 2), out var b) ? b : value.IsEmpty ? (byte)'\t' : value[0];
        }
        else if (name.SequenceEqual("#unset_field"u8))
        {
            _unset = value.ToArray();
        }
        else if (name.SequenceEqual("#empty_field"u8))
        {
            _empty = value.ToArray();
        }
        else if (name.SequenceEqual("#fields"u8))
        {
            var columns = new List<string>();
            foreach (var range in value.Split(_separator))
            {
                columns.Add(Encoding.UTF8.GetString(value[range]));
            }

            _columns = columns.Count;
            _cells = new Range[_columns];
            _layout = _consumer.Header(columns);
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> two, out byte value)
    {
        var high = HexDigit(two[0]);
        var low = HexDigit(two[1]);
        value = (byte)((high << 4) | low);
        return high >= 0 && low >= 0;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
