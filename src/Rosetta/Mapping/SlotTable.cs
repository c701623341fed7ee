using System.Runtime.CompilerServices;

namespace Rosetta.Mapping;

/// <summary>
/// The values of one record, one slot per vendor path any plan needs, as spans into the record's bytes.
/// A generation stamp clears the table in O(1) between records.
/// </summary>
internal sealed class SlotTable
{
    private readonly Entry[] _entries;
    private readonly int[] _consumed;
    private int _generation = 1;

    public SlotTable(int count)
    {
        _entries = new Entry[count];
        _consumed = new int[count];
    }

    public int Count => _entries.Length;

    /// <summary>Forgets every value, for the next record.</summary>
    public void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_entries);
            Array.Clear(_consumed);
            _generation = 1;
        }
    }

    public void Set(int slot, SlotKind kind, int start, int length, bool escaped)
    {
        ref var entry = ref _entries[slot];
        if (entry.Stamp == _generation)
        {
            return; // the first occurrence of a duplicated key wins
        }

        entry = new Entry(_generation, start, length, kind, escaped);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SlotKind Kind(int slot)
    {
        ref readonly var entry = ref _entries[slot];
        return entry.Stamp == _generation ? entry.Kind : SlotKind.Missing;
    }

    public int Start(int slot) => _entries[slot].Start;

    /// <summary>The slot's value in the record's <paramref name="data"/>: a string's content (escapes as written), else its JSON text or cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Value(int slot, ReadOnlySpan<byte> data)
    {
        ref readonly var entry = ref _entries[slot];
        return data.Slice(entry.Start, entry.Length);
    }

    public int Length(int slot) => _entries[slot].Length;

    public bool Escaped(int slot) => _entries[slot].Escaped;

    /// <summary>True when the slot holds a value that carries information: not missing, null or an empty string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasValue(int slot)
    {
        ref readonly var entry = ref _entries[slot];
        return entry.Stamp == _generation && entry.Kind > SlotKind.Null && (entry.Kind is not (SlotKind.String or SlotKind.Text) || entry.Length > 0);
    }

    /// <summary>Marks a slot as carried by a standard name, so the vendor leftovers skip it.</summary>
    public void Consume(int slot) => _consumed[slot] = _generation;

    public bool IsConsumed(int slot) => _consumed[slot] == _generation;

    /// <summary>One slot's value, in one place in memory; it is the record's when its stamp is the table's generation.</summary>
    private readonly record struct Entry(int Stamp, int Start, int Length, SlotKind Kind, bool Escaped);
}
