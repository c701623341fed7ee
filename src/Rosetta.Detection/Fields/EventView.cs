using System.Text;
using System.Text.Json;

namespace Rosetta.Detection.Fields;

/// <summary>
/// One normalized record as rules see it: the text of each standard name a rule set reads (numbers and booleans as
/// their JSON text), its source, and the whole record for keyword searches. Reused from event to event.
/// </summary>
public sealed class EventView
{
    private readonly NameTable _names;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string?[] _values;

    /// <summary>Creates a view reading the names of <paramref name="names"/>.</summary>
    public EventView(NameTable names)
    {
        _names = names;
        var ordinals = names.Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        _lookup = ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        _values = new string?[names.Names.Count];
    }

    /// <summary>The record's source id (<c>sysmon.process</c>).</summary>
    public string Source { get; private set; } = "";

    private byte[] _line = [];
    private int _lineLength;
    private string? _text;

    /// <summary>The whole record as text, for keyword searches (made when first asked for).</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_line, 0, _lineLength);

    /// <summary>The value of the name with <paramref name="ordinal"/>, or null when the record lacks it (or the view predates the name).</summary>
    public string? this[int ordinal] => ordinal < _values.Length ? _values[ordinal] : null;

    /// <summary>Reads a record written by the engine (one NDJSON line).</summary>
    /// <exception cref="JsonException">The line is not a JSON object.</exception>
    public void Load(ReadOnlySpan<byte> line)
    {
        Array.Clear(_values);
        Source = "";
        if (_line.Length < line.Length)
        {
            _line = new byte[Math.Max(line.Length, _line.Length * 2)];
        }

        line.CopyTo(_line);
        _lineLength = line.Length;
        _text = null;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a record is a JSON object");
        }

        Span<char> name = stackalloc char[128];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRosetta = reader.ValueTextEquals("rosetta"u8);
            var length = reader.ValueSpan.Length <= name.Length && !reader.ValueIsEscaped ? Encoding.UTF8.GetChars(reader.ValueSpan, name) : -1;
            reader.Read();
            if (isRosetta && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadMetadata(ref reader);
            }
            else if (length >= 0 && _lookup.TryGetValue(name[..length], out var ordinal))
            {
                _values[ordinal] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.Null => null,
                    _ => Raw(ref reader, line),
                };
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Sets the view from values by standard name (a stored row).</summary>
    public void Load(string source, IReadOnlyDictionary<string, string?> values, string text)
    {
        Array.Clear(_values);
        Source = source;
        _text = text;
        foreach (var (name, value) in values)
        {
            if (_names.OrdinalOf(name) is var ordinal and >= 0)
            {
                _values[ordinal] = value;
            }
        }
    }

    private void ReadMetadata(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSource = reader.ValueTextEquals("source"u8);
            reader.Read();
            if (isSource && reader.TokenType == JsonTokenType.String)
            {
                Source = reader.GetString()!;
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static string Raw(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
    }
}
