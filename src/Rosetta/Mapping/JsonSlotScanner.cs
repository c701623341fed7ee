using System.Runtime.CompilerServices;
using System.Text.Json;
using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>One pass of a <see cref="JsonCursor"/> over a JSON record that fills the slots of every path in the trie and skips the rest.</summary>
internal static class JsonSlotScanner
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonCursor.MaxDepth };

    /// <summary>
    /// Fills <paramref name="slots"/> from <paramref name="json"/>; with an <paramref name="order"/>, checks each name
    /// against the one the last record had at its place first; with a <paramref name="tape"/>, also lists every
    /// member passed on the way, for the vendor leftovers.
    /// </summary>
    /// <exception cref="JsonException">The record is not one well-formed JSON object.</exception>
    public static void Scan(ReadOnlySpan<byte> json, PathNode root, SlotTable slots, KeyOrder? order = null, MemberTape? tape = null)
    {
        var cursor = new JsonCursor(json);
        var first = cursor.Peek();
        if (first != (byte)'{' && (cursor.Position == json.Length ? "empty record" : Describe(first)) is { } problem)
        {
            throw new JsonException(problem);
        }

        tape?.Clear();
        try
        {
            Walk(ref cursor, json, root, order?.Of(root), slots, order, tape, 1);
            cursor.End();
        }
        catch (JsonException)
        {
            throw JsonCursor.Explain(json, Options, cursor.Position);
        }
    }

    /// <summary>
    /// Reads the object the cursor is on. <paramref name="node"/> is where it sits in the trie, or null below where any
    /// path reaches: such an object is only walked to list its members on the tape. <paramref name="line"/> is what
    /// was read in the object at its place last time, if anything is remembered.
    /// </summary>
    private static void Walk(ref JsonCursor cursor, ReadOnlySpan<byte> json, PathNode? node, KeyOrder.Line? line, SlotTable slots, KeyOrder? order, MemberTape? tape, int depth)
    {
        cursor.StartObject(depth);
        var nulls = new NullRun();
        var first = true;
        for (var index = 0; cursor.NextMember(ref first); index++)
        {
            if (line is not null && line.NullsAt(index, out var count) is { IsEmpty: false } skippable && cursor.SkipMembers(skippable))
            {
                index += count;
            }

            var memberStart = cursor.Position;
            cursor.ReadName(line is null ? default : line.Expected(index), out var nameStart, out var nameLength, out var escaped, out var expected);
            var type = json[cursor.Position];
            var name = json.Slice(nameStart, nameLength);
            if (type == (byte)'n')
            {
                // null is no value (SlotTable.HasValue): no slot to fill, no name to look up (S1 writes dozens)
                if (line is not null)
                {
                    if (!expected && !escaped)
                    {
                        line.Remember(index, name, null, false);
                    }

                    nulls.Add(index, memberStart);
                }

                cursor.ReadLiteral();
                continue;
            }

            if (line is not null)
            {
                nulls.End(line, json, index, memberStart);
            }

            var child = Child(json, node, line, index, name, nameStart, escaped, expected);
            var slot = child?.Slot ?? -1;
            var start = cursor.Position;
            var inTrie = child is { HasChildren: true };
            if (type == (byte)'{' && (inTrie || tape is not null))
            {
                // Into the object: for the paths below it, or to put its members on the tape. An object of the trie
                // has its place remembered by its node, one below the trie by its place in this one.
                var entry = tape?.Add(nameStart, nameLength, SlotKind.Object, start, 0, slot) ?? 0;
                Walk(ref cursor, json, inTrie ? child : null, inTrie ? order?.Of(child!) : line?.Below(index), slots, order, tape, depth + 1);
                tape?.Close(entry);
                if (slot >= 0)
                {
                    slots.Set(slot, SlotKind.Object, start, cursor.Position - start, false);
                }

                continue;
            }

            SlotKind kind;
            var valueStart = start;
            int valueLength;
            var valueEscaped = false;
            switch (type)
            {
                case (byte)'{' or (byte)'[':
                    cursor.SkipValue(depth);
                    kind = type == (byte)'{' ? SlotKind.Object : SlotKind.Array;
                    valueLength = cursor.Position - start;
                    break;
                case (byte)'"':
                    cursor.ReadString(out valueStart, out valueLength, out valueEscaped);
                    kind = SlotKind.String;
                    break;
                case (byte)'t' or (byte)'f':
                    cursor.ReadLiteral();
                    kind = type == (byte)'t' ? SlotKind.True : SlotKind.False;
                    valueLength = cursor.Position - start;
                    break;
                default:
                    valueLength = cursor.ReadNumber();
                    kind = SlotKind.Number;
                    break;
            }

            tape?.Add(nameStart, nameLength, kind, valueStart, valueLength, slot);
            if (slot >= 0)
            {
                slots.Set(slot, kind, valueStart, valueLength, valueEscaped);
            }
        }

        if (line is not null)
        {
            nulls.EndOfObject(line, json);
        }
    }

    /// <summary>
    /// The null members read one by one since the last value, remembered as one run at the index where they start
    /// once a value (or the object's end) follows them.
    /// </summary>
    private struct NullRun()
    {
        private int _start = -1;
        private int _index;
        private int _lastStart;
        private int _lastIndex;

        public void Add(int index, int memberStart)
        {
            if (_start < 0)
            {
                _start = memberStart;
                _index = index;
            }

            _lastStart = memberStart;
            _lastIndex = index;
        }

        /// <summary>A member with a value is at <paramref name="index"/>, <paramref name="memberStart"/>: every member since the run's start was null.</summary>
        public void End(KeyOrder.Line line, ReadOnlySpan<byte> json, int index, int memberStart)
        {
            if (_start >= 0)
            {
                line.RememberNulls(_index, json[_start..memberStart], index - _index);
                _start = -1;
            }
        }

        /// <summary>The object ended: the last null has no comma after it, so the run ends before it.</summary>
        public void EndOfObject(KeyOrder.Line line, ReadOnlySpan<byte> json)
        {
            if (_start >= 0 && _lastIndex > _index)
            {
                line.RememberNulls(_index, json[_start.._lastStart], _lastIndex - _index);
            }
        }
    }

    /// <summary>
    /// The child of <paramref name="node"/> (null below the trie: none) the name at <paramref name="index"/> finds: the
    /// remembered one when the name was <paramref name="expected"/>, else looked up, and an unescaped name is
    /// remembered at its place.
    /// </summary>
    private static PathNode? Child(ReadOnlySpan<byte> json, PathNode? node, KeyOrder.Line? line, int index, ReadOnlySpan<byte> name, int nameStart, bool escaped, bool expected)
    {
        if (expected)
        {
            return node is null ? null : line!.Child(index, node, name);
        }

        var child = node is null ? null : escaped ? FindEscaped(json, node, name, nameStart) : node.Find(name);
        if (!escaped)
        {
            line?.Remember(index, name, child, true);
        }

        return child;
    }

    /// <summary>The child of <paramref name="node"/> an escaped name (rare: <c>"a\u002eb"</c>) names once unescaped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PathNode? FindEscaped(ReadOnlySpan<byte> json, PathNode node, ReadOnlySpan<byte> name, int nameStart)
    {
        Span<byte> scratch = stackalloc byte[256];
        return node.Find(Name(json, name, true, nameStart - 1, scratch));
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

    /// <summary>Why a record whose first byte is <paramref name="first"/> is not an object; null when that byte starts no JSON value.</summary>
    private static string? Describe(byte first) => first switch
    {
        (byte)'[' => "a record must be a JSON object, not an array",
        (byte)'"' => "a record must be a JSON object, not a string",
        (byte)'-' or (>= (byte)'0' and <= (byte)'9') => "a record must be a JSON object, not a number",
        (byte)'n' => "a record must be a JSON object, not null",
        (byte)'t' or (byte)'f' => "a record must be a JSON object, not true or false",
        _ => null,
    };
}
