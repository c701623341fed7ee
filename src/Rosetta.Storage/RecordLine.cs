using System.Text;
using System.Text.Json;

namespace Rosetta.Storage;

/// <summary>
/// What the stores' writers share in reading a normalized record (an NDJSON line the engine wrote) with a
/// <see cref="Utf8JsonReader"/>: which <c>rosetta</c> member a property is, where a value's JSON is in the line,
/// and which standard name's column a property fills. Allocates nothing.
/// </summary>
public static class RecordLine
{
    private const int LongestName = 128;

    /// <summary>The <c>rosetta</c> member the reader's property name is.</summary>
    public static RecordMember Member(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("source"u8) ? RecordMember.Source
        : reader.ValueTextEquals("event"u8) ? RecordMember.Event
        : reader.ValueTextEquals("table"u8) ? RecordMember.Table
        : reader.ValueTextEquals("diagnostics"u8) ? RecordMember.Diagnostics
        : reader.ValueTextEquals("envelope"u8) ? RecordMember.Envelope
        : reader.ValueTextEquals("key"u8) ? RecordMember.Key
        : RecordMember.None;

    /// <summary>Skips the value the reader is on; returns where its JSON text is in the line.</summary>
    public static Range RawValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }

    /// <summary>Looks the reader's property name up among <paramref name="names"/> (standard names: plain, short, never escaped).</summary>
    public static bool TryLookUp<T>(ref Utf8JsonReader reader, Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> names, out T value)
    {
        var name = reader.ValueSpan;
        if (reader.ValueIsEscaped || name.Length > LongestName)
        {
            value = default!;
            return false;
        }

        Span<char> chars = stackalloc char[name.Length];
        var count = Encoding.UTF8.GetChars(name, chars);
        return names.TryGetValue(chars[..count], out value!);
    }
}
