using System.Text.Json;
using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>
/// Writes what no standard name carried as the record's <c>vendor</c> object, keeping the vendor's nesting and
/// dropping nulls and empty strings (they carry nothing); objects left empty are not written.
/// </summary>
internal static class JsonLeftoverWriter
{
    private static readonly byte[] VendorName = "\"vendor\":"u8.ToArray();

    public static void Write(ReadOnlySpan<byte> json, PathNode root, SlotTable slots, JsonBuffer output)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var mark = output.Mark();
        output.Name(VendorName);
        output.StartObject();
        if (CopyObject(ref reader, json, root, slots, output))
        {
            output.EndObject();
        }
        else
        {
            output.Rollback(mark);
        }
    }

    private static bool CopyObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, PathNode? node, SlotTable slots, JsonBuffer output)
    {
        Span<byte> scratch = stackalloc byte[256];
        var wrote = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var rawName = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            var nameStart = (int)reader.TokenStartIndex;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue; // nulls carry nothing: not written, and not looked up
            }

            var child = node?.Find(JsonSlotScanner.Name(json, rawName, escaped, nameStart, scratch));
            var consumed = child is { Slot: >= 0 } && slots.IsConsumed(child.Slot);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when consumed:
                case JsonTokenType.StartArray when consumed:
                    reader.Skip();
                    break;
                case JsonTokenType.StartObject:
                    {
                        var mark = output.Mark();
                        output.EscapedName(rawName);
                        output.StartObject();
                        if (CopyObject(ref reader, json, child, slots, output))
                        {
                            output.EndObject();
                            wrote = true;
                        }
                        else
                        {
                            output.Rollback(mark);
                        }

                        break;
                    }

                case JsonTokenType.StartArray:
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        output.EscapedName(rawName);
                        output.RawValue(json[start..(int)reader.BytesConsumed]);
                        wrote = true;
                        break;
                    }

                case JsonTokenType.String:
                    if (!consumed && reader.ValueSpan.Length > 0)
                    {
                        output.EscapedName(rawName);
                        output.EscapedString(reader.ValueSpan);
                        wrote = true;
                    }

                    break;
                default:
                    if (!consumed)
                    {
                        output.EscapedName(rawName);
                        output.RawValue(reader.ValueSpan);
                        wrote = true;
                    }

                    break;
            }
        }

        return wrote;
    }
}
