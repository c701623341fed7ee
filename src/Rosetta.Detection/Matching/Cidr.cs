using System.Net;

namespace Rosetta.Detection.Matching;

/// <summary>An IPv4 or IPv6 network (<c>10.0.0.0/8</c>, <c>fe80::/10</c>) tested on address bytes, not text prefixes.</summary>
internal sealed class Cidr
{
    private readonly byte[] _network;
    private readonly int _prefix;

    private Cidr(byte[] network, int prefix)
    {
        _network = network;
        _prefix = prefix;
    }

    /// <summary>Reads <c>ADDRESS/PREFIX</c> (or a bare address: its single host).</summary>
    public static bool TryParse(string text, out Cidr? cidr)
    {
        cidr = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix < 0 || prefix > bytes.Length * 8))
        {
            return false;
        }

        cidr = new Cidr(bytes, prefix);
        return true;
    }

    /// <summary>Reads an address into bytes (an IPv4-mapped IPv6 address as its IPv4 bytes); false when the text is none.</summary>
    public static bool TryAddress(string text, out Address bytes, out int length)
    {
        bytes = default;
        length = 0;
        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.TryWriteBytes(bytes, out length);
    }

    /// <summary>True when the address (from <see cref="TryAddress"/>) is inside the network.</summary>
    public bool Contains(Address bytes, int length)
    {
        if (length != _network.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> span = bytes;
        var whole = _prefix / 8;
        if (!span[..whole].SequenceEqual(_network.AsSpan(0, whole)))
        {
            return false;
        }

        var bits = _prefix % 8;
        if (bits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - bits));
        return (span[whole] & mask) == (_network[whole] & mask);
    }

    /// <summary>An address's bytes, on the stack: 4 for IPv4, 16 for IPv6.</summary>
    [System.Runtime.CompilerServices.InlineArray(16)]
    public struct Address
    {
        private byte _first;
    }
}
