using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>
/// Writes what no standard name carried as the record's <c>vendor</c> object, keeping the vendor's nesting and
/// dropping nulls and empty strings (they carry nothing); objects left empty are not written. The record was checked
/// by <see cref="JsonSlotScanner"/> already.
/// </summary>
internal static class JsonLeftoverWriter
{
    private static readonly byte[] VendorName = "\"vendor\":"u8.ToArray();

    public static void Write(ReadOnlySpan<byte> json, PathNode root, SlotTable slots, JsonBuffer output)
    {
        var cursor = new JsonCursor(json);
        var mark = output.Mark();
        output.Name(VendorName);
        output.StartObject();
        if (CopyObject(ref cursor, json, root, slots, output, 1))
        {
            output.EndObject();
        }
        else
        {
            output.Rollback(mark);
        }
    }

    private static bool CopyObject(ref JsonCursor cursor, ReadOnlySpan<byte> json, PathNode? node, SlotTable slots, JsonBuffer output, int depth)
    {
        var wrote = false;
        cursor.StartObject(depth);
        var first = true;
        while (cursor.NextMember(ref first, out var nameStart, out var nameLength, out var escaped))
        {
            var type = json[cursor.Position];
            if (type == (byte)'n')
            {
                cursor.ReadLiteral(); // nulls carry nothing: not written, and not looked up
                continue;
            }

            var rawName = json.Slice(nameStart, nameLength);
            var child = node is null ? null : escaped ? JsonSlotScanner.FindEscaped(json, node, rawName, nameStart) : node.Find(rawName);
            var consumed = child is { Slot: >= 0 } && slots.IsConsumed(child.Slot);
            var start = cursor.Position;
            if (consumed)
            {
                cursor.SkipValue(depth);
                continue;
            }

            switch (type)
            {
                case (byte)'{':
                    {
                        var mark = output.Mark();
                        output.EscapedName(rawName);
                        output.StartObject();
                        if (CopyObject(ref cursor, json, child, slots, output, depth + 1))
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

                case (byte)'"':
                    cursor.ReadString(out var valueStart, out var valueLength, out _);
                    if (valueLength > 0)
                    {
                        output.EscapedName(rawName);
                        output.EscapedString(json.Slice(valueStart, valueLength));
                        wrote = true;
                    }

                    break;
                default:
                    cursor.SkipValue(depth);
                    output.EscapedName(rawName);
                    output.RawValue(json[start..cursor.Position]);
                    wrote = true;
                    break;
            }
        }

        return wrote;
    }
}
