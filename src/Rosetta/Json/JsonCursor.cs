using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Rosetta.Json;

/// <summary>
/// A forward-only, validating cursor over one JSON value that is wholly in memory (a line of NDJSON, an element of
/// an array). The engine's record walks use it instead of <see cref="Utf8JsonReader"/>: knowing the whole value is
/// there, it keeps no token state, and it skips what no field reads in one tight loop. It accepts what
/// Utf8JsonReader accepts with default options (RFC 8259: no comments, no trailing commas, nesting at most
/// <see cref="MaxDepth"/>; string bytes are not checked as UTF-8). On the first error it throws a
/// <see cref="JsonException"/>; <see cref="Explain"/> then words it as Utf8JsonReader does, with the byte position.
/// </summary>
internal ref struct JsonCursor
{
    /// <summary>How deep objects and arrays may nest, as Utf8JsonReader's default.</summary>
    public const int MaxDepth = 256;

    /// <summary>The bytes a JSON string cannot hold as they are: the quote, the backslash and the control characters.</summary>
    public static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private readonly ReadOnlySpan<byte> _json;
    private int _position;

    /// <summary>
    /// Where the first of <see cref="StringStops"/> is in <paramref name="text"/>, or -1. Most strings end within 32
    /// bytes, so the first block is compared here, inlined; a longer string goes on block by block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfStringStop(ReadOnlySpan<byte> text)
    {
        if (!Vector256.IsHardwareAccelerated || text.Length < Vector256<byte>.Count)
        {
            return text.IndexOfAny(StringStops);
        }

        var mask = Stops(text, 0);
        return mask != 0 ? BitOperations.TrailingZeroCount(mask) : IndexOfStringStopAfterFirstBlock(text);
    }

    /// <summary>The rest of <see cref="IndexOfStringStop"/>: 32-byte blocks after the first, the last one overlapping the one before.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int IndexOfStringStopAfterFirstBlock(ReadOnlySpan<byte> text)
    {
        var last = text.Length - Vector256<byte>.Count;
        for (var offset = Math.Min(Vector256<byte>.Count, last); ; offset = Math.Min(offset + Vector256<byte>.Count, last))
        {
            var mask = Stops(text, offset);
            if (mask != 0)
            {
                return offset + BitOperations.TrailingZeroCount(mask); // bytes before offset were checked: no stop
            }

            if (offset == last)
            {
                return -1;
            }
        }
    }

    /// <summary>A bit for each byte of the 32 at <paramref name="offset"/> (which must be there) that is a string stop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Stops(ReadOnlySpan<byte> text, int offset)
    {
        var block = Vector256.Create(text.Slice(offset, Vector256<byte>.Count));
        var stops = Vector256.Equals(block, Vector256.Create((byte)'"'))
            | Vector256.Equals(block, Vector256.Create((byte)'\\'))
            | Vector256.LessThan(block, Vector256.Create((byte)' '));
        return stops.ExtractMostSignificantBits();
    }

    public JsonCursor(ReadOnlySpan<byte> json) => _json = json;

    /// <summary>The offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>Skips whitespace and returns the next byte without consuming it; 0 at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Peek()
    {
        var json = _json;
        var position = _position;
        while ((uint)position < (uint)json.Length)
        {
            var c = json[position];
            if (c > (byte)' ' || c is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                _position = position;
                return c;
            }

            position++;
        }

        _position = position;
        return 0;
    }

    /// <summary>Consumes the <c>{</c> that opens an object at nesting <paramref name="depth"/> (the record itself is 1).</summary>
    public void StartObject(int depth)
    {
        if (Peek() != (byte)'{' || depth > MaxDepth)
        {
            Fail();
        }

        _position++;
    }

    /// <summary>
    /// Moves to the next member of the object being read and returns its name (between the quotes, escapes as
    /// written), leaving the cursor on the first byte of its value; false once the object's <c>}</c> is consumed.
    /// <paramref name="first"/> starts true for each object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextMember(ref bool first, out int nameStart, out int nameLength, out bool nameEscaped)
    {
        if (!NextMember(ref first))
        {
            nameStart = nameLength = 0;
            nameEscaped = false;
            return false;
        }

        ReadName(default, out nameStart, out nameLength, out nameEscaped, out _);
        return true;
    }

    /// <summary>
    /// Moves to the next member of the object being read, leaving the cursor on the opening quote of its name
    /// (<see cref="ReadName"/> reads it); false once the object's <c>}</c> is consumed. <paramref name="first"/>
    /// starts true for each object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextMember(ref bool first)
    {
        var c = Peek();
        if (c == (byte)'}')
        {
            _position++;
            return false;
        }

        if (!first)
        {
            if (c != (byte)',')
            {
                Fail();
            }

            _position++;
            c = Peek();
        }

        first = false;
        if (c != (byte)'"')
        {
            Fail();
        }

        return true;
    }

    /// <summary>
    /// Passes <paramref name="members"/> when the cursor, on a name's opening quote, is at those very bytes: members
    /// read from an earlier record, each followed by its comma. True when passed: the cursor is then on the next name's
    /// opening quote. The bytes were checked when first read, and bytes equal to them mean the same here.
    /// </summary>
    public bool SkipMembers(ReadOnlySpan<byte> members)
    {
        if (!_json[_position..].StartsWith(members))
        {
            return false;
        }

        _position += members.Length;
        if (Peek() != (byte)'"')
        {
            Fail(); // a comma must be followed by a member
        }

        return true;
    }

    /// <summary>
    /// Reads the name the cursor is on (between the quotes, escapes as written) and the colon after it, leaving the
    /// cursor on the first byte of the value. <paramref name="expected"/>, when not empty, is the name that probably
    /// comes here followed by its closing quote, with no byte a string must escape: when it is that one,
    /// <paramref name="wasExpected"/> is true and its end is not searched for.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReadName(ReadOnlySpan<byte> expected, out int nameStart, out int nameLength, out bool nameEscaped, out bool wasExpected)
    {
        wasExpected = !expected.IsEmpty && _json[(_position + 1)..].StartsWith(expected);
        if (wasExpected)
        {
            nameStart = _position + 1;
            nameLength = expected.Length - 1;
            nameEscaped = false;
            _position = nameStart + expected.Length;
        }
        else
        {
            ReadString(out nameStart, out nameLength, out nameEscaped);
        }

        if (Peek() != (byte)':')
        {
            Fail();
        }

        _position++;
        if (Peek() == 0)
        {
            Fail();
        }
    }

    /// <summary>Reads the string the cursor is on (at its opening quote): the offset and length of its content, escapes as written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReadString(out int start, out int length, out bool escaped)
    {
        start = _position + 1;
        var stop = IndexOfStringStop(_json[start..]);
        if (stop >= 0 && _json[start + stop] == (byte)'"')
        {
            escaped = false;
            length = stop;
            _position = start + stop + 1;
            return;
        }

        escaped = true;
        length = ReadEscapedString(start);
    }

    /// <summary>The rest of <see cref="ReadString"/>, for a string with escapes (or a bad one): its length.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadEscapedString(int start)
    {
        var json = _json;
        var i = start;
        while (true)
        {
            var stop = IndexOfStringStop(json[i..]);
            if (stop < 0)
            {
                Fail();
            }

            i += stop;
            var c = json[i];
            if (c == (byte)'"')
            {
                break;
            }

            if (c != (byte)'\\')
            {
                Fail(); // a control character must be escaped
            }

            i = SkipEscape(json, i);
        }

        _position = i + 1;
        return i - start;
    }

    /// <summary>Reads the number the cursor is on; its length.</summary>
    public int ReadNumber()
    {
        var json = _json;
        var start = _position;
        var i = start;
        if (i < json.Length && json[i] == (byte)'-')
        {
            i++;
        }

        if (i >= json.Length || !IsDigit(json[i]))
        {
            Fail();
        }

        if (json[i] == (byte)'0')
        {
            i++;
            if (i < json.Length && IsDigit(json[i]))
            {
                Fail(); // a leading zero
            }
        }
        else
        {
            i = Digits(json, i);
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            i = RequiredDigits(json, i + 1);
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            i = RequiredDigits(json, i);
        }

        _position = i;
        return i - start;
    }

    /// <summary>Consumes <c>null</c>, <c>true</c> or <c>false</c>, whichever the cursor is on.</summary>
    public void ReadLiteral()
    {
        var rest = _json[_position..];
        if (rest.Length >= 4)
        {
            var word = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            if (word is 0x6C6C756E or 0x65757274)
            {
                _position += 4; // null, true
                return;
            }

            if (word == 0x736C6166 && rest.Length >= 5 && rest[4] == (byte)'e')
            {
                _position += 5; // false
                return;
            }
        }

        Fail();
    }

    /// <summary>Skips the value the cursor is on, checking it; <paramref name="depth"/> is the nesting it sits in.</summary>
    public void SkipValue(int depth)
    {
        switch (_json[_position])
        {
            case (byte)'"':
                ReadString(out _, out _, out _);
                break;
            case (byte)'{':
                SkipObject(depth + 1);
                break;
            case (byte)'[':
                SkipArray(depth + 1);
                break;
            case (byte)'n' or (byte)'t' or (byte)'f':
                ReadLiteral();
                break;
            default:
                ReadNumber();
                break;
        }
    }

    /// <summary>Checks that nothing but whitespace follows the value just read.</summary>
    public void End()
    {
        Peek();
        if (_position != _json.Length)
        {
            Fail();
        }
    }

    /// <summary>The error Utf8JsonReader reports for <paramref name="json"/>, which a cursor found malformed.</summary>
    public static JsonException Explain(ReadOnlySpan<byte> json, JsonReaderOptions options, int position)
    {
        try
        {
            var reader = new Utf8JsonReader(json, options);
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return e;
        }

        return new JsonException($"malformed at byte {position}");
    }

    /// <summary>Throws the cursor's error; <see cref="Explain"/> says what it is.</summary>
    [DoesNotReturn]
    private static void Fail() => throw new JsonException();

    private void SkipObject(int depth)
    {
        StartObject(depth);
        var first = true;
        while (NextMember(ref first, out _, out _, out _))
        {
            SkipValue(depth);
        }
    }

    private void SkipArray(int depth)
    {
        if (depth > MaxDepth)
        {
            Fail();
        }

        _position++;
        if (Peek() == (byte)']')
        {
            _position++;
            return;
        }

        while (true)
        {
            if (Peek() == 0)
            {
                Fail();
            }

            SkipValue(depth);
            var c = Peek();
            _position++;
            if (c == (byte)']')
            {
                return;
            }

            if (c != (byte)',')
            {
                Fail();
            }
        }
    }

    /// <summary>The offset after the escape sequence at <paramref name="backslash"/>, which must be one JSON allows.</summary>
    private static int SkipEscape(ReadOnlySpan<byte> json, int backslash)
    {
        var i = backslash + 1;
        if (i >= json.Length)
        {
            Fail();
        }

        switch (json[i])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return i + 1;
            case (byte)'u':
                if (i + 4 >= json.Length || !IsHex(json[i + 1]) || !IsHex(json[i + 2]) || !IsHex(json[i + 3]) || !IsHex(json[i + 4]))
                {
                    Fail();
                }

                return i + 5;
            default:
                Fail();
                return 0;
        }
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && IsDigit(json[i]))
        {
            i++;
        }

        return i;
    }

    private static int RequiredDigits(ReadOnlySpan<byte> json, int i)
    {
        if (i >= json.Length || !IsDigit(json[i]))
        {
            Fail();
        }

        return Digits(json, i + 1);
    }

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    private static bool IsHex(byte c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 5;
}
