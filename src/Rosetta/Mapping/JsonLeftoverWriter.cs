using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>
/// Writes what no standard name carried as the record's <c>vendor</c> object, keeping the vendor's nesting and
/// dropping nulls and empty strings (they carry nothing); objects left empty are not written. It reads the members
/// <see cref="JsonSlotScanner"/> put on the <see cref="MemberTape"/>, not the record.
/// </summary>
internal static class JsonLeftoverWriter
{
    private static readonly byte[] VendorName = "\"vendor\":"u8.ToArray();

    public static void Write(ReadOnlySpan<byte> json, MemberTape tape, SlotTable slots, JsonBuffer output)
    {
        var mark = output.Mark();
        output.Name(VendorName);
        output.StartObject();
        if (CopyMembers(json, tape, 0, tape.Count, slots, output))
        {
            output.EndObject();
        }
        else
        {
            output.Rollback(mark);
        }
    }

    private static bool CopyMembers(ReadOnlySpan<byte> json, MemberTape tape, int from, int to, SlotTable slots, JsonBuffer output)
    {
        var wrote = false;
        for (var i = from; i < to; i = tape[i].End)
        {
            ref readonly var member = ref tape[i];
            if (member.Slot >= 0 && slots.IsConsumed(member.Slot))
            {
                continue;
            }

            var name = json.Slice(member.NameStart, member.NameLength);
            var value = json.Slice(member.ValueStart, member.ValueLength);
            switch (member.Kind)
            {
                case SlotKind.Object:
                    {
                        var mark = output.Mark();
                        output.EscapedName(name);
                        output.StartObject();
                        if (CopyMembers(json, tape, i + 1, member.End, slots, output))
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

                case SlotKind.String when value.IsEmpty:
                    break;
                case SlotKind.String:
                    output.EscapedName(name);
                    output.EscapedString(value);
                    wrote = true;
                    break;
                default:
                    output.EscapedName(name);
                    output.RawValue(value);
                    wrote = true;
                    break;
            }
        }

        return wrote;
    }
}
