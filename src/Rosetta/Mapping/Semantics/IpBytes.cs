namespace Rosetta.Mapping.Semantics;

/// <summary>
/// Reads an address as Rosetta writes it (dotted IPv4, RFC 5952 IPv6, an optional <c>%zone</c>) into its network
/// byte order: 4 or 16 bytes. Allocation-free, for the per-record derivations.
/// </summary>
internal static class IpBytes
{
    /// <summary>Parses <paramref name="text"/> into <paramref name="bytes"/> (16 long); the length is 4 or 16, 0 when it is not an address.</summary>
    public static int Parse(ReadOnlySpan<byte> text, Span<byte> bytes)
    {
        var zone = text.IndexOf((byte)'%');
        if (zone >= 0)
        {
            text = text[..zone];
        }

        if (text.IndexOf((byte)':') < 0)
        {
            return ParseIPv4(text, bytes) ? 4 : 0;
        }

        return ParseIPv6(text, bytes) ? 16 : 0;
    }

    private static bool ParseIPv4(ReadOnlySpan<byte> text, Span<byte> bytes)
    {
        var octet = 0;
        var value = -1;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (value < 0 || octet == 3)
                {
                    return false;
                }

                bytes[octet++] = (byte)value;
                value = -1;
            }
            else if ((uint)(c - '0') <= 9)
            {
                value = value < 0 ? c - '0' : (value * 10) + (c - '0');
                if (value > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (value < 0 || octet != 3)
        {
            return false;
        }

        bytes[3] = (byte)value;
        return true;
    }

    private static bool ParseIPv6(ReadOnlySpan<byte> text, Span<byte> bytes)
    {
        bytes[..16].Clear();
        var gap = text.IndexOf("::"u8);
        var head = gap < 0 ? text : text[..gap];
        var tail = gap < 0 ? [] : text[(gap + 2)..];
        Span<byte> tailBytes = stackalloc byte[16];
        if (!Groups(head, bytes, out var headLength) || !Groups(tail, tailBytes, out var tailLength))
        {
            return false;
        }

        if (gap < 0 ? headLength != 16 : headLength + tailLength > 14)
        {
            return false;
        }

        tailBytes[..tailLength].CopyTo(bytes[(16 - tailLength)..]);
        return true;
    }

    /// <summary>Colon-separated hex groups, the last of which may be a dotted IPv4 address.</summary>
    private static bool Groups(ReadOnlySpan<byte> text, Span<byte> output, out int length)
    {
        length = 0;
        while (!text.IsEmpty)
        {
            var colon = text.IndexOf((byte)':');
            var group = colon < 0 ? text : text[..colon];
            if (colon < 0 && group.IndexOf((byte)'.') >= 0)
            {
                if (length > 12 || !ParseIPv4(group, output[length..]))
                {
                    return false;
                }

                length += 4;
                return true;
            }

            if (group.IsEmpty || group.Length > 4 || length > 14 || !Hex(group, out var value))
            {
                return false;
            }

            output[length++] = (byte)(value >> 8);
            output[length++] = (byte)value;
            text = colon < 0 ? [] : text[(colon + 1)..];
            if (colon >= 0 && text.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Hex(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
