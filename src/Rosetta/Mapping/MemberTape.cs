namespace Rosetta.Mapping;

/// <summary>
/// The members of one record as <see cref="JsonSlotScanner"/> passed them (nulls left out), in order: what the vendor
/// leftovers are written from, so that the record is not read a second time. An object the scanner walked into is
/// followed by its own members; <see cref="Member.End"/> is the index after them.
/// </summary>
internal sealed class MemberTape
{
    private Member[] _members = new Member[128];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Adds a member whose value is at <paramref name="valueStart"/> (a string's content, else its JSON text); its index.</summary>
    public int Add(int nameStart, int nameLength, SlotKind kind, int valueStart, int valueLength, int slot)
    {
        if (Count == _members.Length)
        {
            Array.Resize(ref _members, _members.Length * 2);
        }

        _members[Count] = new Member(nameStart, nameLength, kind, valueStart, valueLength, slot, Count + 1, Walked: false);
        return Count++;
    }

    /// <summary>The object member at <paramref name="index"/> was walked into: its members are those added since, and its JSON text ends at <paramref name="valueEnd"/>.</summary>
    public void Close(int index, int valueEnd)
    {
        ref var member = ref _members[index];
        member = member with { ValueLength = valueEnd - member.ValueStart, End = Count, Walked = true };
    }

    public ref readonly Member this[int index] => ref _members[index];

    /// <summary>
    /// One member: its name as written (escapes kept), its kind and value, the slot it fills (-1 when none), and
    /// <see cref="End"/>, the index after its own members; <see cref="Walked"/> when it is an object whose members
    /// follow on the tape (else its JSON text is all there is).
    /// </summary>
    internal readonly record struct Member(int NameStart, int NameLength, SlotKind Kind, int ValueStart, int ValueLength, int Slot, int End, bool Walked);
}
