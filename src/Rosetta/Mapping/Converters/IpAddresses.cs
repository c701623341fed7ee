using System.Net;
using System.Net.Sockets;

namespace Rosetta.Mapping.Converters;

/// <summary>
/// Reads IPv4 and IPv6 addresses strictly (four dotted decimals; no "1.2.3" shorthand) and writes canonical text:
/// IPv6 per RFC 5952, an IPv4-mapped IPv6 address (<c>::ffff:a.b.c.d</c>) as its IPv4 address.
/// </summary>
internal static class IpAddresses
{
    /// <summary>The longest canonical text written (IPv6 with an embedded IPv4 and a zone).</summary>
    public const int MaxLength = 64;

    public static bool TryFormat(ReadOnlySpan<byte> text, Span<byte> output, out int written)
    {
        written = 0;
        text = Blanks.Trim(text);
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        if (text.Length == 0 || text.Length > MaxLength)
        {
            return false;
        }

        if (text.IndexOf((byte)':') < 0)
        {
            return TryIPv4(text, output, out written);
        }

        Span<char> chars = stackalloc char[MaxLength];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= 0x80)
            {
                return false;
            }

            chars[i] = (char)text[i];
        }

        if (!IPAddress.TryParse(chars[..text.Length], out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (!address.TryFormat(chars, out var length))
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            output[i] = (byte)char.ToLowerInvariant(chars[i]);
        }

        written = length;
        return true;
    }

    /// <summary>
    /// Four decimal octets, 0-255; leading zeros are read as decimal and dropped. An address written without them
    /// (nearly all) is copied as it is.
    /// </summary>
    private static bool TryIPv4(ReadOnlySpan<byte> text, Span<byte> output, out int written)
    {
        written = 0;
        uint address = 0;
        var octets = 0;
        var canonical = true;
        var i = 0;
        while (true)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9 && i - start < 3)
            {
                value = (value * 10) + (text[i++] - '0');
            }

            if (i == start || value > 255)
            {
                return false;
            }

            canonical &= text[start] != '0' || i - start == 1;
            address = (address << 8) | (uint)value;
            octets++;
            if (i == text.Length)
            {
                if (octets != 4)
                {
                    return false;
                }

                break;
            }

            if (text[i] != '.' || octets == 4)
            {
                return false;
            }

            i++;
        }

        if (canonical)
        {
            text.CopyTo(output);
            written = text.Length;
            return true;
        }

        for (var shift = 24; shift >= 0; shift -= 8)
        {
            var value = (int)(address >> shift) & 0xFF;
            if (shift < 24)
            {
                output[written++] = (byte)'.';
            }

            if (value >= 100)
            {
                output[written++] = (byte)('0' + (value / 100));
            }

            if (value >= 10)
            {
                output[written++] = (byte)('0' + (value / 10 % 10));
            }

            output[written++] = (byte)('0' + (value % 10));
        }

        return true;
    }
}
