using System.Text.Json;

namespace Rosetta.Mapping;

/// <summary>One pass of <see cref="Utf8JsonReader"/> over a JSON record that fills the slots of every path in the trie and skips the rest.</summary>
internal static class JsonSlotScanner
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>Fills <paramref name="slots"/> from <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">The record is not one well-formed JSON object.</exception>
    public static void Scan(ReadOnlySpan<byte> json, PathNode root, SlotTable slots)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(reader.TokenType == JsonTokenType.None ? "empty record" : $"a record must be a JSON object, not {Describe(reader.TokenType)}");
        }

        Walk(ref reader, json, root, slots);
        if (reader.Read())
        {
            throw new JsonException("more than one JSON value on the line");
        }
    }

    private static void Walk(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, PathNode node, SlotTable slots)
    {
        Span<byte> scratch = stackalloc byte[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            var nameStart = (int)reader.TokenStartIndex;
            reader.Read();
            var type = reader.TokenType;
            if (type == JsonTokenType.Null)
            {
                continue; // null is no value (SlotTable.HasValue): no slot to fill, no name to look up (S1 writes dozens)
            }

            var child = node.Find(Name(json, name, escaped, nameStart, scratch));
            if (child is null)
            {
                if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                continue;
            }

            switch (type)
            {
                case JsonTokenType.StartObject:
                    {
                        var start = (int)reader.TokenStartIndex;
                        if (child.HasChildren)
                        {
                            Walk(ref reader, json, child, slots);
                        }
                        else
                        {
                            reader.Skip();
                        }

                        if (child.Slot >= 0)
                        {
                            slots.Set(child.Slot, SlotKind.Object, start, (int)reader.BytesConsumed - start, false);
                        }

                        break;
                    }

                case JsonTokenType.StartArray:
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        if (child.Slot >= 0)
                        {
                            slots.Set(child.Slot, SlotKind.Array, start, (int)reader.BytesConsumed - start, false);
                        }

                        break;
                    }

                default:
                    if (child.Slot >= 0)
                    {
                        var isString = type == JsonTokenType.String;
                        slots.Set(child.Slot, KindOf(type), (int)reader.TokenStartIndex + (isString ? 1 : 0), reader.ValueSpan.Length, reader.ValueIsEscaped);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A property name or string value (<paramref name="raw"/>, its quote at <paramref name="tokenStart"/>) as unescaped UTF-8. Escaped names are rare: they are unescaped into the scratch
    /// from the name's bytes in <paramref name="json"/>.
    /// </summary>
    public static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> json, ReadOnlySpan<byte> raw, bool escaped, int tokenStart, Span<byte> scratch)
    {
        if (!escaped)
        {
            return raw;
        }

        var reader = new Utf8JsonReader(json.Slice(tokenStart, raw.Length + 2));
        reader.Read();
        return raw.Length <= scratch.Length ? scratch[..reader.CopyString(scratch)] : System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
    }

    public static SlotKind KindOf(JsonTokenType type) => type switch
    {
        JsonTokenType.String => SlotKind.String,
        JsonTokenType.Number => SlotKind.Number,
        JsonTokenType.True => SlotKind.True,
        JsonTokenType.False => SlotKind.False,
        JsonTokenType.Null => SlotKind.Null,
        JsonTokenType.StartObject => SlotKind.Object,
        JsonTokenType.StartArray => SlotKind.Array,
        _ => SlotKind.Missing,
    };

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        _ => "true or false",
    };
}
