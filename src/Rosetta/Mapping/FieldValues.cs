using System.Runtime.CompilerServices;
using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>
/// One record's standard values by ordinal, each kept as its JSON text in one buffer: mapped first, then
/// reoriented and enriched, then written in the shape of an output profile. A generation stamp clears it in O(1).
/// </summary>
internal sealed class FieldValues
{
    private readonly int[] _stamp;
    private readonly int[] _start;
    private readonly int[] _length;
    private int _generation = 1;
    private int _pending;

    public FieldValues(int count)
    {
        _stamp = new int[count];
        _start = new int[count];
        _length = new int[count];
    }

    /// <summary>Where values are written, between <see cref="Begin"/> and <see cref="Commit"/>.</summary>
    public JsonBuffer Buffer { get; } = new(1 << 12);

    public void Reset()
    {
        Buffer.Clear();
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
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
        _stamp[ordinal] = _generation;
        _start[ordinal] = _pending;
        _length[ordinal] = Buffer.Length - _pending;
    }

    /// <summary>Takes back what was written since <see cref="Begin"/>.</summary>
    public void Abandon() => Buffer.Truncate(_pending);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Has(int ordinal) => ordinal >= 0 && _stamp[ordinal] == _generation;

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
        (_stamp[a], _stamp[b]) = (_stamp[b], _stamp[a]);
        (_start[a], _start[b]) = (_start[b], _start[a]);
        (_length[a], _length[b]) = (_length[b], _length[a]);
    }

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
}
