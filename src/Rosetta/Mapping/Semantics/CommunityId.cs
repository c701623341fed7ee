using System.Buffers.Binary;
using System.Buffers.Text;

namespace Rosetta.Mapping.Semantics;

/// <summary>
/// Community ID v1 (Corelight's flow hashing spec): the same string for both directions of one flow, whichever
/// monitor saw it, so Defender, SentinelOne, Sysmon and Zeek records of a flow join on it. Allocation-free.
/// </summary>
internal static class CommunityId
{
    /// <summary>The length of <c>1:</c> plus the base64 of a 20-byte SHA-1.</summary>
    public const int Length = 30;

    private const int Icmp = 1;
    private const int IcmpV6 = 58;

    /// <summary>
    /// Writes the ID of a flow. <paramref name="sourcePort"/> and <paramref name="destinationPort"/> are -1 when
    /// the record has none; for ICMP they carry the message type and code (as Zeek logs them). False when the flow
    /// lacks what the protocol needs (TCP, UDP and SCTP need both ports).
    /// </summary>
    public static bool TryWrite(
        ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, int protocol, int sourcePort, int destinationPort,
        Span<byte> output, ushort seed = 0)
    {
        if (source.Length != destination.Length || protocol is < 0 or > 255)
        {
            return false;
        }

        var hasPorts = sourcePort >= 0 && destinationPort >= 0;
        var oneWay = false;
        if (protocol is Icmp or IcmpV6)
        {
            if (!hasPorts)
            {
                return false;
            }

            (sourcePort, destinationPort, oneWay) = IcmpPorts(protocol, sourcePort, destinationPort);
        }
        else if (protocol is 6 or 17 or 132 && !hasPorts)
        {
            return false;
        }

        if (!oneWay && !Ordered(source, destination, sourcePort, destinationPort))
        {
            var first = destination;
            destination = source;
            source = first;
            (sourcePort, destinationPort) = (destinationPort, sourcePort);
        }

        Span<byte> input = stackalloc byte[2 + 16 + 16 + 2 + 4];
        var length = 0;
        BinaryPrimitives.WriteUInt16BigEndian(input, seed);
        length += 2;
        source.CopyTo(input[length..]);
        length += source.Length;
        destination.CopyTo(input[length..]);
        length += destination.Length;
        input[length++] = (byte)protocol;
        input[length++] = 0;
        if (hasPorts)
        {
            BinaryPrimitives.WriteUInt16BigEndian(input[length..], (ushort)sourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(input[(length + 2)..], (ushort)destinationPort);
            length += 4;
        }

        // The Community ID spec fixes SHA-1: an identifier to join flows on, not a security boundary.
        Span<byte> digest = stackalloc byte[ShortSha1.Size];
        ShortSha1.Hash(input[..length], digest);
        output[0] = (byte)'1';
        output[1] = (byte)':';
        Base64.EncodeToUtf8(digest, output[2..], out _, out var written);
        return written + 2 == Length;
    }

    /// <summary>The smaller address:port comes first; equal addresses are ordered by port.</summary>
    private static bool Ordered(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, int sourcePort, int destinationPort)
    {
        var order = source.SequenceCompareTo(destination);
        return order < 0 || (order == 0 && sourcePort <= destinationPort);
    }

    /// <summary>Zeek's mapping of ICMP type and code to ports: a request and its reply make one flow.</summary>
    private static (int Source, int Destination, bool OneWay) IcmpPorts(int protocol, int type, int code)
    {
        var counterpart = protocol == Icmp
            ? type switch
            {
                8 => 0, 0 => 8, 13 => 14, 14 => 13, 15 => 16, 16 => 15, 10 => 9, 9 => 10, 17 => 18, 18 => 17, _ => -1,
            }
            : type switch
            {
                128 => 129, 129 => 128, 130 => 131, 131 => 130, 133 => 134, 134 => 133, 135 => 136, 136 => 135,
                139 => 140, 140 => 139, 144 => 145, 145 => 144, _ => -1,
            };
        return counterpart < 0 ? (type, code, true) : (type, counterpart, false);
    }
}
