using System.IO.Compression;

namespace Rosetta.Sources;

/// <summary>Reads records Rosetta already wrote (NDJSON, gzip or not) in batches of whole lines, for what runs on records.</summary>
public static class RecordLines
{
    private const int BufferSize = 256 * 1024;

    /// <summary>Hands every whole line of <paramref name="input"/> to <paramref name="batch"/>, several at a time.</summary>
    public static void Read(InputSource input, Action<ReadOnlySpan<byte>> batch)
    {
        using var raw = new BufferedStream(input.Open(), BufferSize);
        Span<byte> magic = stackalloc byte[2];
        var gzip = raw.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        raw.Position = 0;
        using var stream = gzip ? new GZipStream(raw, CompressionMode.Decompress) : (Stream)raw;
        StreamWindow.Read(stream, BufferSize, (window, done) =>
        {
            var end = done ? window.Length : window.LastIndexOf((byte)'\n') + 1;
            if (end > 0)
            {
                batch(window[..end]);
            }

            return end;
        });
    }
}
