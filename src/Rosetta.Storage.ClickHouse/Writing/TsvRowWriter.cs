using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rosetta.Schema;
using Rosetta.Storage.ClickHouse.Dialects;

namespace Rosetta.Storage.ClickHouse.Writing;

/// <summary>
/// Turns normalized records (Rosetta's NDJSON lines) into rows of ClickHouse's <c>TabSeparated</c> format, in the
/// column order of <see cref="ColumnList"/>: the metadata columns, then each standard name's columns. Times become
/// <c>YYYY-MM-DD hh:mm:ss</c> (and milliseconds, or <c>.fff</c> in the modern dialect); a time outside the column type's
/// range is sent as NULL and counted, never wrapped. Allocates nothing per record.
/// </summary>
internal sealed class TsvRowWriter
{
    private const int KeyLength = 32;
    private const int SecondsLength = 19; // yyyy-MM-dd hh:mm:ss
    private const byte Tab = (byte)'\t';
    private static readonly byte[] Null = "\\N"u8.ToArray();

    private readonly ClickHouseColumn[] _columns;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _ordinals;
    private readonly ClickHouseDialect _dialect;
    private readonly byte[] _ingestId;
    private readonly Cell[] _cells;
    private readonly int _timeColumn;
    private byte[] _scratch = new byte[4096];
    private int _scratchUsed;

    public TsvRowWriter(ClickHouseSchema schema, IReadOnlyList<ClickHouseColumn> columns, long ingestId)
    {
        _dialect = schema.Dialect;
        _columns = [.. columns];
        var ordinals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var group in _columns.Select((c, i) => (c.StandardName, Index: i)).GroupBy(c => c.StandardName))
        {
            ordinals[group.Key] = [.. group.Select(g => g.Index)];
        }

        _ordinals = ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        _ingestId = Encoding.ASCII.GetBytes(ingestId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _cells = new Cell[Metadata.Count + _columns.Length];
        _timeColumn = Array.FindIndex(_columns, c => c.StandardName == "event_date_creation" && c.Role != ColumnRole.Milliseconds);
        ColumnList = string.Join(", ", schema.MetadataColumns.Select(c => c.Name).Concat(_columns.Select(c => ClickHouseSchema.Quote(c.Name))));
    }

    /// <summary>The column list the rows are in, for <c>INSERT INTO t (...)</c>.</summary>
    public string ColumnList { get; }

    /// <summary>Times outside what the column type holds, sent as NULL.</summary>
    public long TimesOutOfRange { get; private set; }

    /// <summary>Reads one record's values and returns its event key; <see cref="Emit"/> then writes them as a row.</summary>
    /// <exception cref="JsonException">The line is not a JSON object (a bug upstream: the engine writes these lines).</exception>
    public UInt128 Read(ReadOnlySpan<byte> line)
    {
        Array.Clear(_cells);
        _scratchUsed = 0;
        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("rosetta"u8))
            {
                reader.Read();
                ReadMetadata(ref reader);
            }
            else if (reader.ValueTextEquals("vendor"u8))
            {
                reader.Read();
                _cells[Metadata.Vendor] = RawValue(ref reader);
            }
            else if (RecordLine.TryLookUp(ref reader, _ordinals, out var ordinals))
            {
                reader.Read();
                ReadStandard(ordinals, ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (_cells[Metadata.Key].Kind == CellKind.Null)
        {
            Span<byte> digest = stackalloc byte[32];
            Span<byte> hex = stackalloc byte[KeyLength];
            SHA256.HashData(line, digest);
            Convert.TryToHexStringLower(digest[..(KeyLength / 2)], hex, out _);
            _cells[Metadata.Key] = Scratch(hex);
        }

        // rosetta_time, the partition and sort key, is the event's time to the second, or 1970 for an event without one.
        var time = _timeColumn >= 0 ? _cells[Metadata.Count + _timeColumn] : default;
        _cells[Metadata.Time] = time.Kind == CellKind.Null ? Scratch("1970-01-01 00:00:00"u8) : time with { Length = SecondsLength };
        var key = _cells[Metadata.Key];
        var keyText = key.Kind == CellKind.Line ? line.Slice(key.Start, key.Length) : _scratch.AsSpan(key.Start, key.Length);
        return UInt128.TryParse(keyText, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value) ? value : UInt128.Zero;
    }

    /// <summary>Writes the record <see cref="Read"/> read (<paramref name="line"/>, the same line) as a row with its line feed.</summary>
    public void Emit(ReadOnlySpan<byte> line, ReadOnlySpan<byte> batch, IBufferWriter<byte> output)
    {

        for (var i = 0; i < _cells.Length; i++)
        {
            if (i > 0)
            {
                output.GetSpan(1)[0] = Tab;
                output.Advance(1);
            }

            switch (i)
            {
                case Metadata.IngestId:
                    output.Write(_ingestId);
                    break;
                case Metadata.Batch:
                    output.Write(batch);
                    break;
                default:
                    WriteCell(_cells[i], line, output);
                    break;
            }
        }

        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    private void ReadMetadata(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var cell = RecordLine.Member(ref reader) switch
            {
                RecordMember.Source => Metadata.Source,
                RecordMember.Event => Metadata.Event,
                RecordMember.Table => Metadata.Table,
                RecordMember.Diagnostics => Metadata.Diagnostics,
                RecordMember.Envelope => Metadata.Envelope,
                RecordMember.Key => Metadata.Key,
                _ => -1,
            };
            reader.Read();
            if (cell is Metadata.Diagnostics or Metadata.Envelope)
            {
                _cells[cell] = RawValue(ref reader);
            }
            else if (cell >= 0 && reader.TokenType == JsonTokenType.String)
            {
                _cells[cell] = Text(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadStandard(int[] ordinals, ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        var first = _columns[ordinals[0]];
        if (first.FieldType == FieldType.Date && reader.TokenType == JsonTokenType.String)
        {
            ReadTime(ordinals, ref reader);
            return;
        }

        var numeric = first.FieldType is FieldType.Integer or FieldType.Port or FieldType.Boolean or FieldType.Float;
        var cell = reader.TokenType switch
        {
            JsonTokenType.True => Scratch("1"u8),
            JsonTokenType.False => Scratch("0"u8),
            JsonTokenType.String when numeric => default, // the engine writes numbers as numbers; text here would fail the whole batch
            JsonTokenType.String => Text(ref reader),
            JsonTokenType.Number when first.FieldType is FieldType.Integer or FieldType.Port or FieldType.Boolean && !reader.TryGetInt64(out _) => default,
            JsonTokenType.StartObject or JsonTokenType.StartArray when numeric => default,
            _ => RawValue(ref reader),
        };
        if (cell.Kind != CellKind.Null)
        {
            _cells[Metadata.Count + ordinals[0]] = cell;
        }
    }

    /// <summary>An ISO-8601 UTC time (<c>2024-01-02T03:04:05.123456789Z</c>, as the engine writes them) into the time's columns.</summary>
    private void ReadTime(int[] ordinals, ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        if (reader.ValueIsEscaped || !TryParseTime(text, out var time, out var milliseconds) || time < _dialect.EarliestTime || time > _dialect.LatestTime)
        {
            TimesOutOfRange++;
            return;
        }

        Span<byte> formatted = stackalloc byte[23];
        text[..10].CopyTo(formatted);
        formatted[10] = (byte)' ';
        text[11..19].CopyTo(formatted[11..]);
        formatted[19] = (byte)'.';
        Utf8Formatter.TryFormat(milliseconds, formatted[20..], out _, new StandardFormat('D', 3));
        Span<byte> number = stackalloc byte[3];
        Utf8Formatter.TryFormat(milliseconds, number, out var digits);
        foreach (var ordinal in ordinals)
        {
            _cells[Metadata.Count + ordinal] = _columns[ordinal].Role switch
            {
                ColumnRole.Seconds => Scratch(formatted[..SecondsLength]),
                ColumnRole.Milliseconds => Scratch(number[..digits]),
                _ => Scratch(formatted),
            };
        }
    }

    private static bool TryParseTime(ReadOnlySpan<byte> text, out DateTime time, out int milliseconds)
    {
        time = default;
        milliseconds = 0;
        if (text.Length < 20 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute) || !Digits(text[17..19], out var second))
        {
            return false;
        }

        if (text.Length > 20 && (text[19] != '.' || !Digits(text[20..Math.Min(23, text.Length - 1)], out milliseconds)))
        {
            return false;
        }

        for (var i = text.Length - 1 - 20; i < 3; i++)
        {
            milliseconds *= 10; // fewer than three fraction digits: .5 is 500 ms
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private Cell Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return new Cell(CellKind.Line, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        }

        Reserve(reader.ValueSpan.Length);
        var length = reader.CopyString(_scratch.AsSpan(_scratchUsed));
        var cell = new Cell(CellKind.Scratch, _scratchUsed, length);
        _scratchUsed += length;
        return cell;
    }

    private static Cell RawValue(ref Utf8JsonReader reader)
    {
        var (start, length) = RecordLine.RawValue(ref reader).GetOffsetAndLength(int.MaxValue);
        return new Cell(CellKind.Line, start, length);
    }

    private Cell Scratch(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_scratch.AsSpan(_scratchUsed));
        var cell = new Cell(CellKind.Scratch, _scratchUsed, bytes.Length);
        _scratchUsed += bytes.Length;
        return cell;
    }

    private void Reserve(int length)
    {
        if (_scratchUsed + length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + length));
        }
    }

    private void WriteCell(Cell cell, ReadOnlySpan<byte> line, IBufferWriter<byte> output)
    {
        var value = cell.Kind switch
        {
            CellKind.Line => line.Slice(cell.Start, cell.Length),
            CellKind.Scratch => _scratch.AsSpan(cell.Start, cell.Length),
            _ => Null,
        };
        if (cell.Kind == CellKind.Null)
        {
            output.Write(value);
            return;
        }

        WriteEscaped(value, output);
    }

    /// <summary>TabSeparated escaping: backslash, tab, line feed and carriage return as backslash sequences.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        while (!value.IsEmpty)
        {
            var special = value.IndexOfAny("\\\t\n\r\0"u8);
            var plain = special < 0 ? value : value[..special];
            output.Write(plain);
            if (special < 0)
            {
                return;
            }

            var escaped = output.GetSpan(2);
            escaped[0] = (byte)'\\';
            escaped[1] = value[special] switch
            {
                (byte)'\t' => (byte)'t',
                (byte)'\n' => (byte)'n',
                (byte)'\r' => (byte)'r',
                0 => (byte)'0',
                _ => (byte)'\\',
            };
            output.Advance(2);
            value = value[(special + 1)..];
        }
    }

    private enum CellKind : byte
    {
        Null,
        Line,
        Scratch,
    }

    private readonly record struct Cell(CellKind Kind, int Start, int Length);

    /// <summary>Positions of the metadata columns (<see cref="ClickHouseSchema.MetadataColumns"/>), then the standard names'.</summary>
    private static class Metadata
    {
        public const int Key = 0;
        public const int IngestId = 1;
        public const int Batch = 2;
        public const int Time = 3;
        public const int Source = 4;
        public const int Event = 5;
        public const int Table = 6;
        public const int Diagnostics = 7;
        public const int Envelope = 8;
        public const int Vendor = 9;
        public const int Count = 10;
    }
}
