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

    /// <summary>True when <paramref name="text"/> is an address inside the network (an IPv4-mapped IPv6 address counts as IPv4).</summary>
    public bool Contains(string text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && _network.Length == 4)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length) || length != _network.Length)
        {
            return false;
        }

        var whole = _prefix / 8;
        if (!bytes[..whole].SequenceEqual(_network.AsSpan(0, whole)))
        {
            return false;
        }

        var bits = _prefix % 8;
        if (bits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - bits));
        return (bytes[whole] & mask) == (_network[whole] & mask);
    }
}
