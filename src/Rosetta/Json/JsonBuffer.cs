using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rosetta.Json;

/// <summary>
/// A growable UTF-8 JSON output buffer that writes names prepared in advance and copies raw tokens through.
/// A <see cref="Mark"/> lets a writer try an object and take it back if it stays empty.
/// </summary>
internal sealed class JsonBuffer
{
    private byte[] _buffer;
    private int _length;
    private bool _needComma;

    public JsonBuffer(int capacity = 1 << 16) => _buffer = new byte[capacity];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear()
    {
        _length = 0;
        _needComma = false;
    }

    /// <summary>Removes everything after <paramref name="length"/> bytes (for a record that is dropped).</summary>
    public void Truncate(int length)
    {
        _length = length;
        _needComma = false;
    }

    /// <summary>The next value stands alone: no comma before it (values kept apart, not members of one object).</summary>
    public void StartValue() => _needComma = false;

    public (int Length, bool NeedComma) Mark() => (_length, _needComma);

    public void Rollback((int Length, bool NeedComma) mark) => (_length, _needComma) = mark;

    public void StartObject()
    {
        Comma();
        Byte((byte)'{');
        _needComma = false;
    }

    public void EndObject()
    {
        Byte((byte)'}');
        _needComma = true;
    }

    public void StartArray()
    {
        Comma();
        Byte((byte)'[');
        _needComma = false;
    }

    public void EndArray()
    {
        Byte((byte)']');
        _needComma = true;
    }

    /// <summary>Writes a property name given as <c>"name":</c> bytes.</summary>
    public void Name(ReadOnlySpan<byte> quotedNameAndColon)
    {
        Comma();
        Raw(quotedNameAndColon);
        _needComma = false;
    }

    /// <summary>Writes a member from its <c>"name":</c> bytes and a value token that is already valid JSON.</summary>
    public void Member(ReadOnlySpan<byte> quotedNameAndColon, ReadOnlySpan<byte> json)
    {
        Comma();
        var span = Reserve(quotedNameAndColon.Length + json.Length);
        Copy(quotedNameAndColon, span);
        Copy(json, span[quotedNameAndColon.Length..]);
        _length += quotedNameAndColon.Length + json.Length;
        _needComma = true;
    }

    /// <summary>Writes a property name whose bytes are already JSON-escaped (copied from the input).</summary>
    public void EscapedName(ReadOnlySpan<byte> escaped)
    {
        Comma();
        var span = Reserve(escaped.Length + 3);
        span[0] = (byte)'"';
        Copy(escaped, span[1..]);
        span[escaped.Length + 1] = (byte)'"';
        span[escaped.Length + 2] = (byte)':';
        _length += escaped.Length + 3;
        _needComma = false;
    }

    /// <summary>Writes a property name from plain text, escaping it.</summary>
    public void TextName(ReadOnlySpan<byte> utf8)
    {
        Comma();
        Quoted(utf8);
        Byte((byte)':');
        _needComma = false;
    }

    /// <summary>Writes members (<c>"a":1,"b":2</c>) that are already valid JSON, inside an open object.</summary>
    public void RawMembers(ReadOnlySpan<byte> members)
    {
        Comma();
        Raw(members);
        _needComma = true;
    }

    /// <summary>Writes a value token that is already valid JSON (a number, a quoted string, an object).</summary>
    public void RawValue(ReadOnlySpan<byte> json)
    {
        Comma();
        Raw(json);
        _needComma = true;
    }

    /// <summary>Writes a string value whose bytes are already JSON-escaped.</summary>
    public void EscapedString(ReadOnlySpan<byte> escaped)
    {
        Comma();
        var span = Reserve(escaped.Length + 2);
        span[0] = (byte)'"';
        Copy(escaped, span[1..]);
        span[escaped.Length + 1] = (byte)'"';
        _length += escaped.Length + 2;
        _needComma = true;
    }

    /// <summary>Writes a string value from plain UTF-8 text, escaping what JSON needs escaped.</summary>
    public void String(ReadOnlySpan<byte> utf8)
    {
        Comma();
        Quoted(utf8);
        _needComma = true;
    }

    public void String(string text)
    {
        Comma();
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 512)
        {
            Span<byte> scratch = stackalloc byte[max];
            Quoted(scratch[..System.Text.Encoding.UTF8.GetBytes(text, scratch)]);
        }
        else
        {
            Quoted(System.Text.Encoding.UTF8.GetBytes(text));
        }

        _needComma = true;
    }

    public void Number(long value)
    {
        Comma();
        var span = Reserve(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
        _needComma = true;
    }

    public void Boolean(bool value) => RawValue(value ? "true"u8 : "false"u8);

    /// <summary>Ends a line of NDJSON.</summary>
    public void NewLine()
    {
        Byte((byte)'\n');
        _needComma = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Comma()
    {
        if (_needComma)
        {
            Byte((byte)',');
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Byte(byte b)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Copy(bytes, Reserve(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>
    /// Copies <paramref name="from"/> to the start of <paramref name="to"/>. Names and values are mostly under 32
    /// bytes: those are copied here as two overlapping words, without the library's call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ReadOnlySpan<byte> from, Span<byte> to)
    {
        var length = from.Length;
        if (length is >= 16 and <= 32)
        {
            Vector128.Create(from).CopyTo(to);
            Vector128.Create(from[(length - 16)..]).CopyTo(to[(length - 16)..]);
        }
        else if (length is >= 8 and < 16)
        {
            var head = BinaryPrimitives.ReadUInt64LittleEndian(from);
            var tail = BinaryPrimitives.ReadUInt64LittleEndian(from[(length - 8)..]);
            BinaryPrimitives.WriteUInt64LittleEndian(to, head);
            BinaryPrimitives.WriteUInt64LittleEndian(to[(length - 8)..], tail);
        }
        else if (length is >= 4 and < 8)
        {
            var head = BinaryPrimitives.ReadUInt32LittleEndian(from);
            var tail = BinaryPrimitives.ReadUInt32LittleEndian(from[(length - 4)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(to, head);
            BinaryPrimitives.WriteUInt32LittleEndian(to[(length - 4)..], tail);
        }
        else
        {
            from.CopyTo(to);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int count) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));

    /// <summary>Writes <paramref name="utf8"/> as a JSON string: the runs between the bytes that need escaping are copied whole.</summary>
    private void Quoted(ReadOnlySpan<byte> utf8)
    {
        Byte((byte)'"');
        int stop;
        while ((stop = JsonCursor.IndexOfStringStop(utf8)) >= 0)
        {
            Raw(utf8[..stop]);
            var b = utf8[stop];
            switch (b)
            {
                case (byte)'"': Raw("\\\""u8); break;
                case (byte)'\\': Raw("\\\\"u8); break;
                case (byte)'\n': Raw("\\n"u8); break;
                case (byte)'\r': Raw("\\r"u8); break;
                case (byte)'\t': Raw("\\t"u8); break;
                default:
                    Raw("\\u00"u8);
                    Byte(Hex(b >> 4));
                    Byte(Hex(b & 0xF));
                    break;
            }

            utf8 = utf8[(stop + 1)..];
        }

        Raw(utf8);
        Byte((byte)'"');
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
