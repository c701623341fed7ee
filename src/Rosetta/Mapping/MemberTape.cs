namespace Rosetta.Mapping;

/// <summary>
/// The members of one record as <see cref="JsonSlotScanner"/> passed them (nulls left out), in order: what the vendor
/// leftovers are written from, so that the record is not read a second time. An object is followed by its own
/// members; <see cref="Member.End"/> is the index after them.
/// </summary>
internal sealed class MemberTape
{
    private Member[] _members = new Member[128];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Adds a member whose value is at <paramref name="valueStart"/> (a string's content, else its JSON text; nothing for an object); its index.</summary>
    public int Add(int nameStart, int nameLength, SlotKind kind, int valueStart, int valueLength, int slot)
    {
        if (Count == _members.Length)
        {
            Array.Resize(ref _members, _members.Length * 2);
        }

        _members[Count] = new Member(nameStart, nameLength, kind, valueStart, valueLength, slot, Count + 1);
        return Count++;
    }

    /// <summary>The object member at <paramref name="index"/> is read: its members are those added since.</summary>
    public void Close(int index) => _members[index] = _members[index] with { End = Count };

    public ref readonly Member this[int index] => ref _members[index];

    /// <summary>
    /// One member: its name as written (escapes kept), its kind and value, the slot it fills (-1 when none), and
    /// <see cref="End"/>, the index after its own members (an object's follow it; anything else has none).
    /// </summary>
    internal readonly record struct Member(int NameStart, int NameLength, SlotKind Kind, int ValueStart, int ValueLength, int Slot, int End);
}
