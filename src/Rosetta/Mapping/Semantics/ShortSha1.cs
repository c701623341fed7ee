using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rosetta.Mapping.Semantics;

/// <summary>
/// SHA-1 (FIPS 180-4) of a short message, on the stack. Community ID hashes about 40 bytes per record: one block,
/// run by OpenSSL's block function when it can be loaded (<see cref="OpenSslSha1"/>), else by the managed rounds
/// here. Both are checked against .NET's SHA1 in the tests.
/// </summary>
internal static class ShortSha1
{
    /// <summary>Bytes in a digest.</summary>
    public const int Size = 20;

    /// <summary>
    /// Writes the SHA-1 of <paramref name="message"/> (at most 1 KB) into <paramref name="digest"/>; with
    /// <paramref name="managed"/>, by the managed rounds even when OpenSSL's are there.
    /// </summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest, bool managed = false)
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

        Span<uint> state = stackalloc uint[OpenSslSha1.ContextWords];
        state[0] = 0x67452301;
        state[1] = 0xEFCDAB89;
        state[2] = 0x98BADCFE;
        state[3] = 0x10325476;
        state[4] = 0xC3D2E1F0;
        var native = !managed && OpenSslSha1.IsAvailable;
        for (var block = 0; block < blocks; block++)
        {
            var chunk = padded.Slice(block * 64, 64);
            if (native)
            {
                OpenSslSha1.Compress(state, chunk);
            }
            else
            {
                Compress(state, chunk);
            }
        }

        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }
    }

    /// <summary>Runs one 64-byte block into the five words of <paramref name="state"/>.</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> chunk)
    {
        Span<uint> w = stackalloc uint[80];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(chunk[(i * 4)..]);
        }

        for (var i = 16; i < 80; i++)
        {
            w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }

        // Four rounds of twenty, each with its own function and constant, so no round branches on which it is.
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var i = 0; i < 20; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, ((c ^ d) & b) ^ d, 0x5A827999 + w[i]);
        }

        for (var i = 20; i < 40; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, b ^ c ^ d, 0x6ED9EBA1 + w[i]);
        }

        for (var i = 40; i < 60; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, (b & c) | ((b | c) & d), 0x8F1BBCDC + w[i]);
        }

        for (var i = 60; i < 80; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, b ^ c ^ d, 0xCA62C1D6 + w[i]);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, uint f, uint keyedWord)
    {
        var temp = BitOperations.RotateLeft(a, 5) + f + e + keyedWord;
        e = d;
        d = c;
        c = BitOperations.RotateLeft(b, 30);
        b = a;
        a = temp;
    }
}
