using System.Text;

namespace Rosetta.Mapping.Converters;

/// <summary>
/// IP protocols by IANA keyword (lower case, as ECS writes <c>network.transport</c>) and number. Vendors write
/// <c>Tcp</c>, <c>TcpV4</c>, <c>TCP</c>, <c>6</c>, <c>IcmpV6</c>: all become one keyword.
/// </summary>
internal static class Protocols
{
    /// <summary>The longest protocol text looked up; longer text is kept as it is.</summary>
    private const int MaxLength = 16;

    private static readonly (byte Number, byte[] Keyword)[] Known =
    [
        (0, "hopopt"u8.ToArray()), (1, "icmp"u8.ToArray()), (2, "igmp"u8.ToArray()), (4, "ipv4"u8.ToArray()),
        (6, "tcp"u8.ToArray()), (17, "udp"u8.ToArray()), (41, "ipv6"u8.ToArray()), (43, "ipv6-route"u8.ToArray()),
        (44, "ipv6-frag"u8.ToArray()), (47, "gre"u8.ToArray()), (50, "esp"u8.ToArray()), (51, "ah"u8.ToArray()),
        (58, "ipv6-icmp"u8.ToArray()), (59, "ipv6-nonxt"u8.ToArray()), (60, "ipv6-opts"u8.ToArray()),
        (89, "ospf"u8.ToArray()), (103, "pim"u8.ToArray()), (112, "vrrp"u8.ToArray()), (132, "sctp"u8.ToArray()),
        (136, "udplite"u8.ToArray()),
    ];

    /// <summary>Vendor spellings that are not keywords, to the keyword's number.</summary>
    private static readonly (byte[] Alias, byte Number)[] Aliases =
    [
        ("tcpv4"u8.ToArray(), 6), ("tcpv6"u8.ToArray(), 6), ("tcp4"u8.ToArray(), 6), ("tcp6"u8.ToArray(), 6),
        ("udpv4"u8.ToArray(), 17), ("udpv6"u8.ToArray(), 17), ("udp4"u8.ToArray(), 17), ("udp6"u8.ToArray(), 17),
        ("icmpv4"u8.ToArray(), 1), ("icmp4"u8.ToArray(), 1), ("icmpv6"u8.ToArray(), 58), ("icmp6"u8.ToArray(), 58),
        ("ospfigp"u8.ToArray(), 89),
    ];

    /// <summary>
    /// Writes the IANA keyword of <paramref name="text"/> (a name in any case or a number) into
    /// <paramref name="output"/>; text Rosetta does not know is written lower-cased. False for empty or overlong text.
    /// </summary>
    public static bool TryFormat(ReadOnlySpan<byte> text, Span<byte> output, out int written)
    {
        written = 0;
        text = Blanks.Trim(text);
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        if (Numbers.TryInteger(text, out var number))
        {
            if (number is < 0 or > 255)
            {
                return false;
            }

            var keyword = KeywordOf((int)number);
            if (keyword.IsEmpty)
            {
                return number.TryFormat(output, out written, default, System.Globalization.CultureInfo.InvariantCulture);
            }

            keyword.CopyTo(output);
            written = keyword.Length;
            return true;
        }

        Span<byte> lower = stackalloc byte[MaxLength];
        for (var i = 0; i < text.Length; i++)
        {
            lower[i] = text[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(text[i] + 32) : text[i];
        }

        lower = lower[..text.Length];
        foreach (var (alias, aliasNumber) in Aliases)
        {
            if (lower.SequenceEqual(alias))
            {
                var keyword = KeywordOf(aliasNumber);
                keyword.CopyTo(output);
                written = keyword.Length;
                return true;
            }
        }

        lower.CopyTo(output);
        written = lower.Length;
        return true;
    }

    /// <summary>The IANA number of a keyword <see cref="TryFormat"/> wrote, or -1.</summary>
    public static int NumberOf(ReadOnlySpan<byte> keyword)
    {
        foreach (var (number, known) in Known)
        {
            if (keyword.SequenceEqual(known))
            {
                return number;
            }
        }

        return Numbers.TryInteger(keyword, out var value) && value is >= 0 and <= 255 ? (int)value : -1;
    }

    /// <summary>The keyword of a protocol number, or empty.</summary>
    public static ReadOnlySpan<byte> KeywordOf(int number)
    {
        foreach (var (known, keyword) in Known)
        {
            if (known == number)
            {
                return keyword;
            }
        }

        return [];
    }

    /// <summary>For messages and tests.</summary>
    public static string? Format(string text)
    {
        Span<byte> output = stackalloc byte[MaxLength];
        return TryFormat(Encoding.UTF8.GetBytes(text), output, out var written) ? Encoding.UTF8.GetString(output[..written]) : null;
    }
}
