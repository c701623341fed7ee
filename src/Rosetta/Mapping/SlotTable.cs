using System.Runtime.CompilerServices;

namespace Rosetta.Mapping;

/// <summary>
/// The values of one record, one slot per vendor path any plan needs, as spans into the record's bytes.
/// A generation stamp clears the table in O(1) between records.
/// </summary>
internal sealed class SlotTable
{
    private readonly int[] _stamp;
    private readonly SlotKind[] _kind;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly bool[] _escaped;
    private readonly int[] _consumed;
    private int _generation = 1;

    public SlotTable(int count)
    {
        _stamp = new int[count];
        _kind = new SlotKind[count];
        _start = new int[count];
        _length = new int[count];
        _escaped = new bool[count];
        _consumed = new int[count];
    }

    public int Count => _stamp.Length;

    /// <summary>Forgets every value, for the next record.</summary>
    public void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_consumed);
            _generation = 1;
        }
    }

    public void Set(int slot, SlotKind kind, int start, int length, bool escaped)
    {
        if (_stamp[slot] == _generation)
        {
            return; // the first occurrence of a duplicated key wins
        }

        _stamp[slot] = _generation;
        _kind[slot] = kind;
        _start[slot] = start;
        _length[slot] = length;
        _escaped[slot] = escaped;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SlotKind Kind(int slot) => _stamp[slot] == _generation ? _kind[slot] : SlotKind.Missing;

    public int Start(int slot) => _start[slot];

    public int Length(int slot) => _length[slot];

    public bool Escaped(int slot) => _escaped[slot];

    /// <summary>True when the slot holds a value that carries information: not missing, null or an empty string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasValue(int slot)
    {
        var kind = Kind(slot);
        return kind > SlotKind.Null && (kind is not (SlotKind.String or SlotKind.Text) || _length[slot] > 0);
    }

    /// <summary>Marks a slot as carried by a standard name, so the vendor leftovers skip it.</summary>
    public void Consume(int slot) => _consumed[slot] = _generation;

    public bool IsConsumed(int slot) => _consumed[slot] == _generation;
}
