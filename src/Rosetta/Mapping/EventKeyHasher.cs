using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Rosetta.Mapping;

/// <summary>
/// The stable identity of an event: the first 16 bytes of the SHA-256 of the event as the vendor wrote it (a JSON
/// event's bytes less the whitespace between tokens, so a pretty-printed export and a one-line one agree; a row's
/// cells, each with its length). The same event read twice has the same key whatever Rosetta's dictionaries make of
/// it, so a store keeps it once. One per thread.
/// </summary>
internal sealed class EventKeyHasher
{
    /// <summary>Bytes in a key.</summary>
    public const int Size = 16;

    private static readonly System.Buffers.SearchValues<byte> Structural = System.Buffers.SearchValues.Create(" \t\r\n\""u8);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The key of a JSON event, written as 32 lower-case hex digits into <paramref name="hex"/>.</summary>
    public void OfJson(ReadOnlySpan<byte> record, Span<byte> hex)
    {
        while (!record.IsEmpty)
        {
            var stop = record.IndexOfAny(Structural);
            if (stop < 0)
            {
                _hash.AppendData(record);
                break;
            }

            if (record[stop] != '"')
            {
                _hash.AppendData(record[..stop]);
                record = record[(stop + 1)..];
                continue;
            }

            var end = StringEnd(record, stop);
            _hash.AppendData(record[..end]);
            record = record[end..];
        }

        Finish(hex);
    }

    /// <summary>Where the string opening at <paramref name="quote"/> ends (after its closing quote).</summary>
    private static int StringEnd(ReadOnlySpan<byte> json, int quote)
    {
        var i = quote + 1;
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return json.Length;
            }

            i += next;
            if (json[i] == '"')
            {
                return i + 1;
            }

            i += 2; // an escape and the byte it escapes
        }

        return json.Length;
    }

    /// <summary>The key of a row: each cell with its length, so that moving a byte between cells changes it.</summary>
    public void OfCells(ReadOnlySpan<byte> data, ReadOnlySpan<Range> cells, Span<byte> hex)
    {
        Span<byte> length = stackalloc byte[4];
        foreach (var cell in cells)
        {
            var (start, count) = cell.GetOffsetAndLength(data.Length);
            BinaryPrimitives.WriteInt32LittleEndian(length, count);
            _hash.AppendData(length);
            _hash.AppendData(data.Slice(start, count));
        }

        Finish(hex);
    }

    private void Finish(Span<byte> hex)
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        Convert.TryToHexStringLower(digest[..Size], hex, out _);
    }
}
