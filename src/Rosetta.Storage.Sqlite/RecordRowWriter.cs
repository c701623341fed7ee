using System.Security.Cryptography;
using System.Text.Json;
using Rosetta.Schema;
using SQLitePCL;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// Inserts normalized records (Rosetta's NDJSON lines) into <c>events</c>: each top-level standard name into its typed
/// column, <c>rosetta</c>'s members into the metadata columns, <c>vendor</c> as JSON text. <c>INSERT OR IGNORE</c> on the
/// event key keeps an event once. One per writer thread; allocates nothing per record.
/// </summary>
internal sealed class RecordRowWriter : IDisposable
{
    private const int KeyParameter = 1;
    private const int IngestParameter = 2;
    private const int SourceParameter = 3;
    private const int EventParameter = 4;
    private const int TableParameter = 5;
    private const int DiagnosticsParameter = 6;
    private const int EnvelopeParameter = 7;
    private const int VendorParameter = 8;
    private const int FirstStandardParameter = 9;
    private const int FractionDigits = 9;
    private const int KeySize = 16;

    private readonly NativeStatement _insert;
    private readonly StoreColumn[] _columns;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ordinals;
    private readonly long _ingestId;
    private byte[] _text = new byte[4096];
    private readonly byte[] _date = new byte[64];

    public RecordRowWriter(sqlite3 db, IReadOnlyList<StoreColumn> columns, long ingestId)
    {
        _columns = [.. columns];
        _ingestId = ingestId;
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            ordinals[_columns[i].Name] = i;
        }

        _ordinals = ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = StoreSchema.MetadataColumns.Select(c => c.Name).Concat(_columns.Select(c => c.Quoted)).ToList();
        _insert = new NativeStatement(db, $"INSERT OR IGNORE INTO events ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "?" + (i + 1)))})");
    }

    /// <summary>Inserts one record; returns false when an event with its key is already stored.</summary>
    /// <exception cref="JsonException">The line is not a JSON object (a bug upstream: the engine writes these lines).</exception>
    public bool Insert(ReadOnlySpan<byte> line)
    {
        _insert.Reset();
        _insert.Integer(IngestParameter, _ingestId);
        var keyed = false;
        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("rosetta"u8))
            {
                reader.Read();
                keyed = Metadata(ref reader, line);
            }
            else if (reader.ValueTextEquals("vendor"u8))
            {
                reader.Read();
                _insert.Text(VendorParameter, line[RecordLine.RawValue(ref reader)]);
            }
            else if (RecordLine.TryLookUp(ref reader, _ordinals, out var ordinal))
            {
                reader.Read();
                Bind(FirstStandardParameter + ordinal, _columns[ordinal].Type, ref reader, line);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!keyed)
        {
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(line, digest);
            _insert.Blob(KeyParameter, digest[..KeySize]);
        }

        return _insert.Execute() > 0;
    }

    public void Dispose() => _insert.Dispose();

    /// <summary>Reads the <c>rosetta</c> object into the metadata columns; true when it carried the event key.</summary>
    private bool Metadata(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var keyed = false;
        Span<byte> key = stackalloc byte[KeySize];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var parameter = RecordLine.Member(ref reader) switch
            {
                RecordMember.Source => SourceParameter,
                RecordMember.Event => EventParameter,
                RecordMember.Table => TableParameter,
                RecordMember.Diagnostics => DiagnosticsParameter,
                RecordMember.Envelope => EnvelopeParameter,
                RecordMember.Key => KeyParameter,
                _ => 0,
            };
            reader.Read();
            if (parameter == KeyParameter && reader.TokenType == JsonTokenType.String && TryKey(reader.ValueSpan, key))
            {
                _insert.Blob(KeyParameter, key);
                keyed = true;
            }
            else if (parameter is SourceParameter or EventParameter or TableParameter && reader.TokenType == JsonTokenType.String)
            {
                _insert.Text(parameter, Unescaped(ref reader));
            }
            else if (parameter is DiagnosticsParameter or EnvelopeParameter)
            {
                _insert.Text(parameter, line[RecordLine.RawValue(ref reader)]);
            }
            else
            {
                reader.Skip();
            }
        }

        return keyed;
    }

    private void Bind(int parameter, FieldType type, ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                break;
            case JsonTokenType.True or JsonTokenType.False:
                _insert.Integer(parameter, reader.TokenType == JsonTokenType.True ? 1 : 0);
                break;
            case JsonTokenType.Number when type is FieldType.Integer or FieldType.Port or FieldType.Boolean && reader.TryGetInt64(out var whole):
                _insert.Integer(parameter, whole);
                break;
            case JsonTokenType.Number when type is FieldType.Float or FieldType.Integer or FieldType.Port && reader.TryGetDouble(out var real):
                _insert.Real(parameter, real);
                break;
            case JsonTokenType.String when type == FieldType.Date:
                _insert.Text(parameter, SortableTime(Unescaped(ref reader)));
                break;
            case JsonTokenType.String:
                _insert.Text(parameter, Unescaped(ref reader));
                break;
            default:
                _insert.Text(parameter, line[RecordLine.RawValue(ref reader)]);
                break;
        }
    }

    /// <summary>
    /// ISO-8601 UTC with exactly nine fraction digits (the finest any source writes: Windows SystemTime has nine), so that times of every
    /// source sort as text and SQLite's date functions read them. Text of another shape is stored as written.
    /// </summary>
    private ReadOnlySpan<byte> SortableTime(ReadOnlySpan<byte> value)
    {
        const int Seconds = 19; // yyyy-MM-ddTHH:mm:ss
        if (value.Length < Seconds + 1 || value[^1] != 'Z' || value[10] != 'T' || value.Length > _date.Length)
        {
            return value;
        }

        var fraction = value[Seconds] == '.' ? value[(Seconds + 1)..^1] : [];
        if (fraction.Length > FractionDigits || (fraction.IsEmpty && value.Length != Seconds + 1))
        {
            return value;
        }

        value[..Seconds].CopyTo(_date);
        _date[Seconds] = (byte)'.';
        fraction.CopyTo(_date.AsSpan(Seconds + 1));
        _date.AsSpan(Seconds + 1 + fraction.Length, FractionDigits - fraction.Length).Fill((byte)'0');
        _date[Seconds + 1 + FractionDigits] = (byte)'Z';
        return _date.AsSpan(0, Seconds + FractionDigits + 2);
    }

    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (_text.Length < reader.ValueSpan.Length)
        {
            _text = new byte[reader.ValueSpan.Length * 2];
        }

        var length = reader.CopyString(_text);
        return _text.AsSpan(0, length);
    }

    private static bool TryKey(ReadOnlySpan<byte> hex, Span<byte> bytes)
    {
        if (hex.Length != KeySize * 2)
        {
            return false;
        }

        for (var i = 0; i < KeySize; i++)
        {
            var high = HexDigit(hex[2 * i]);
            var low = HexDigit(hex[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            bytes[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
