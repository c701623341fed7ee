using System.Runtime.CompilerServices;
using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>
/// One record's standard values by ordinal, each kept as its JSON text in one buffer: mapped first, then
/// reoriented and enriched, then written in the shape of an output profile. A bit per ordinal says which values the
/// record has: clearing it is a few words, and writing a record visits only the values it has.
/// </summary>
internal sealed class FieldValues
{
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly ulong[] _present;
    private int _pending;

    public FieldValues(int count)
    {
        _start = new int[count];
        _length = new int[count];
        _present = new ulong[(count + 63) / 64];
    }

    /// <summary>Where values are written, between <see cref="Begin"/> and <see cref="Commit"/>.</summary>
    public JsonBuffer Buffer { get; } = new(1 << 12);

    /// <summary>
    /// Forgets the last record's values, and copies <paramref name="record"/> to the start of the buffer: a value the
    /// record already holds as it is written out (a string as written) is then taken where it is
    /// (<see cref="SetFromRecord"/>), one bulk copy instead of one per value.
    /// </summary>
    public void Reset(ReadOnlySpan<byte> record)
    {
        Buffer.Clear();
        Buffer.RawValue(record);
        Array.Clear(_present);
    }

    /// <summary>The value of <paramref name="ordinal"/> is the JSON text at <paramref name="start"/> of the record given to <see cref="Reset"/>.</summary>
    public void SetFromRecord(int ordinal, int start, int length)
    {
        SetPresent(ordinal, true);
        _start[ordinal] = start;
        _length[ordinal] = length;
    }

    /// <summary>Starts a value: write it into <see cref="Buffer"/>, then <see cref="Commit"/> or <see cref="Abandon"/> it.</summary>
    public JsonBuffer Begin()
    {
        _pending = Buffer.Length;
        Buffer.StartValue();
        return Buffer;
    }

    /// <summary>The value written since <see cref="Begin"/> is the value of <paramref name="ordinal"/>.</summary>
    public void Commit(int ordinal)
    {
        SetPresent(ordinal, true);
        _start[ordinal] = _pending;
        _length[ordinal] = Buffer.Length - _pending;
    }

    /// <summary>Takes back what was written since <see cref="Begin"/>.</summary>
    public void Abandon() => Buffer.Truncate(_pending);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Has(int ordinal) => ordinal >= 0 && (_present[ordinal >> 6] & (1UL << ordinal)) != 0;

    /// <summary>The value's JSON text (a string keeps its quotes).</summary>
    public ReadOnlySpan<byte> Json(int ordinal) => Buffer.WrittenSpan.Slice(_start[ordinal], _length[ordinal]);

    /// <summary>The value's text: a string's content between its quotes (still JSON-escaped), else the JSON text.</summary>
    public ReadOnlySpan<byte> Text(int ordinal)
    {
        var json = Json(ordinal);
        return json.Length >= 2 && json[0] == '"' ? json[1..^1] : json;
    }

    /// <summary>Exchanges two values (and their presence): the sides of a connection.</summary>
    public void Swap(int a, int b)
    {
        var hasA = Has(a);
        var hasB = Has(b);
        SetPresent(a, hasB);
        SetPresent(b, hasA);
        (_start[a], _start[b]) = (_start[b], _start[a]);
        (_length[a], _length[b]) = (_length[b], _length[a]);
    }

    /// <summary>The ordinals that have a value, in ascending order: <c>foreach (var ordinal in values.Present)</c>.</summary>
    public PresentOrdinals Present => new(_present);

    public void SetString(int ordinal, ReadOnlySpan<byte> utf8)
    {
        Begin().String(utf8);
        Commit(ordinal);
    }

    public void SetNumber(int ordinal, long value)
    {
        Begin().Number(value);
        Commit(ordinal);
    }

    public void SetBoolean(int ordinal, bool value)
    {
        Begin().Boolean(value);
        Commit(ordinal);
    }

    private void SetPresent(int ordinal, bool present)
    {
        if (present)
        {
            _present[ordinal >> 6] |= 1UL << ordinal;
        }
        else
        {
            _present[ordinal >> 6] &= ~(1UL << ordinal);
        }
    }

    /// <summary>Enumerates the set bits of the presence words.</summary>
    public ref struct PresentOrdinals(ulong[] words)
    {
        private int _word = -1;
        private ulong _bits;

        public int Current { get; private set; }

        public readonly PresentOrdinals GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_bits == 0)
            {
                if (++_word >= words.Length)
                {
                    return false;
                }

                _bits = words[_word];
            }

            Current = (_word << 6) + System.Numerics.BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            return true;
        }
    }
}
