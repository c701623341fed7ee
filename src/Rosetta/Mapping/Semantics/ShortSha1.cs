using System.Buffers.Binary;
using System.Numerics;

namespace Rosetta.Mapping.Semantics;

/// <summary>
/// SHA-1 (FIPS 180-4) of a short message, in managed code on the stack. Community ID hashes about 40 bytes per
/// record; .NET's SHA1 goes through OpenSSL, whose per-call setup (context, error queue) cost more than the hash
/// (4.5% of a normalize run). Checked against .NET's SHA1 in the tests.
/// </summary>
internal static class ShortSha1
{
    /// <summary>Bytes in a digest.</summary>
    public const int Size = 20;

    /// <summary>Writes the SHA-1 of <paramref name="message"/> (at most 1 KB) into <paramref name="digest"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        if (message.Length > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(message), "ShortSha1 is for short messages");
        }

        // The message, a 0x80 byte, zeros, and its length in bits: a whole number of 64-byte blocks.
        var blocks = (message.Length + 8) / 64 + 1;
        Span<byte> padded = stackalloc byte[blocks * 64];
        padded.Clear();
        message.CopyTo(padded);
        padded[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded[^8..], (ulong)message.Length * 8);

        uint h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;
        Span<uint> w = stackalloc uint[80];
        for (var block = 0; block < blocks; block++)
        {
            var chunk = padded.Slice(block * 64, 64);
            for (var i = 0; i < 16; i++)
            {
                w[i] = BinaryPrimitives.ReadUInt32BigEndian(chunk[(i * 4)..]);
            }

            for (var i = 16; i < 80; i++)
            {
                w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
            }

            uint a = h0, b = h1, c = h2, d = h3, e = h4;
            for (var i = 0; i < 80; i++)
            {
                uint f, k;
                if (i < 20)
                {
                    f = (b & c) | (~b & d);
                    k = 0x5A827999;
                }
                else if (i < 40)
                {
                    f = b ^ c ^ d;
                    k = 0x6ED9EBA1;
                }
                else if (i < 60)
                {
                    f = (b & c) | (b & d) | (c & d);
                    k = 0x8F1BBCDC;
                }
                else
                {
                    f = b ^ c ^ d;
                    k = 0xCA62C1D6;
                }

                var temp = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
                e = d;
                d = c;
                c = BitOperations.RotateLeft(b, 30);
                b = a;
                a = temp;
            }

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
        }

        BinaryPrimitives.WriteUInt32BigEndian(digest, h0);
        BinaryPrimitives.WriteUInt32BigEndian(digest[4..], h1);
        BinaryPrimitives.WriteUInt32BigEndian(digest[8..], h2);
        BinaryPrimitives.WriteUInt32BigEndian(digest[12..], h3);
        BinaryPrimitives.WriteUInt32BigEndian(digest[16..], h4);
    }
}
