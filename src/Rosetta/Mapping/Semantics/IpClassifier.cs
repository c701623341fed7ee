namespace Rosetta.Mapping.Semantics;

/// <summary>
/// The kind of an address in Defender's vocabulary (its LocalIPType and RemoteIPType columns): Public, Private,
/// Loopback, LinkLocal, Multicast, Broadcast, Reserved, Teredo, FourToSixMapping. For addresses a source does not
/// classify itself.
/// </summary>
internal static class IpClassifier
{
    /// <summary>Classifies 4 or 16 address bytes in network order.</summary>
    public static ReadOnlySpan<byte> Classify(ReadOnlySpan<byte> address) =>
        address.Length == 4 ? ClassifyIPv4(address) : ClassifyIPv6(address);

    private static ReadOnlySpan<byte> ClassifyIPv4(ReadOnlySpan<byte> a)
    {
        return (a[0], a[1], a[2]) switch
        {
            (127, _, _) => "Loopback"u8,
            (10, _, _) => "Private"u8,
            (172, >= 16 and <= 31, _) => "Private"u8,
            (192, 168, _) => "Private"u8,
            (100, >= 64 and <= 127, _) => "Private"u8, // RFC 6598 shared address space (carrier-grade NAT)
            (169, 254, _) => "LinkLocal"u8,
            (>= 224 and <= 239, _, _) => "Multicast"u8,
            (255, 255, 255) when a[3] == 255 => "Broadcast"u8,
            (0, _, _) => "Reserved"u8, // "this network"
            (>= 240, _, _) => "Reserved"u8,
            (192, 0, 0 or 2) => "Reserved"u8, // IETF assignments, TEST-NET-1
            (198, 51, 100) or (203, 0, 113) => "Reserved"u8, // TEST-NET-2, TEST-NET-3
            (198, 18 or 19, _) => "Reserved"u8, // benchmarking
            _ => "Public"u8,
        };
    }

    private static ReadOnlySpan<byte> ClassifyIPv6(ReadOnlySpan<byte> a)
    {
        if (a[..15].IndexOfAnyExcept((byte)0) < 0)
        {
            return a[15] == 1 ? "Loopback"u8 : "Reserved"u8; // ::1, and :: (unspecified)
        }

        if (a[..10].IndexOfAnyExcept((byte)0) < 0 && a[10] == 0xff && a[11] == 0xff)
        {
            return "FourToSixMapping"u8; // ::ffff:a.b.c.d
        }

        return (a[0], a[1]) switch
        {
            (0xfe, >= 0x80 and <= 0xbf) => "LinkLocal"u8,
            (0xfe, >= 0xc0) => "Private"u8, // deprecated site-local
            (>= 0xfc and <= 0xfd, _) => "Private"u8, // unique local
            (0xff, _) => "Multicast"u8,
            (0x20, 0x01) when a[2] == 0 && a[3] == 0 => "Teredo"u8,
            (0x20, 0x01) when a[2] == 0x0d && a[3] == 0xb8 => "Reserved"u8, // documentation
            (0x20, 0x02) => "FourToSixMapping"u8, // 6to4: an IPv4 address inside IPv6
            _ => "Public"u8,
        };
    }
}
