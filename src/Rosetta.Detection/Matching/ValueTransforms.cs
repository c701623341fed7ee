using System.Text;

namespace Rosetta.Detection.Matching;

/// <summary>Sigma's value modifiers that turn one value into the texts to look for: windash, base64, base64offset, utf16*.</summary>
internal static class ValueTransforms
{
    private static readonly string[] Dashes = ["-", "/", "\u2013", "\u2014", "\u2015"];

    /// <summary>
    /// windash: every <c>-</c> or <c>/</c> that starts a command-line flag (after the start or a space, before a
    /// letter or digit) in each of its spellings: <c>-</c>, <c>/</c>, en dash, em dash, horizontal bar.
    /// </summary>
    public static IEnumerable<string> WindowsDash(string value)
    {
        var positions = Enumerable.Range(0, value.Length)
            .Where(i => value[i] is '-' or '/' && (i == 0 || char.IsWhiteSpace(value[i - 1]) || value[i - 1] is '"' or '\'') && i + 1 < value.Length && char.IsLetterOrDigit(value[i + 1]))
            .ToArray();
        IEnumerable<string> variants = [value];
        foreach (var position in positions)
        {
            variants = variants.SelectMany(v => Dashes.Select(d => v[..position] + d + v[(position + 1)..]));
        }

        return variants.Distinct(StringComparer.Ordinal);
    }

    /// <summary>The bytes of a value in the encoding its modifiers name (UTF-8 unless utf16le, utf16be, utf16 or wide).</summary>
    public static byte[] Encode(string value, string? encoding) => encoding switch
    {
        "utf16le" or "wide" => Encoding.Unicode.GetBytes(value),
        "utf16be" => Encoding.BigEndianUnicode.GetBytes(value),
        "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(value)],
        _ => Encoding.UTF8.GetBytes(value),
    };

    /// <summary>base64: the value's Base64 text.</summary>
    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>
    /// base64offset: the three Base64 texts the value can appear as inside a longer Base64 string, one per alignment
    /// (0, 1 or 2 bytes before it), without the characters that depend on the neighbouring bytes.
    /// </summary>
    public static IEnumerable<string> Base64Offsets(byte[] bytes)
    {
        int[] start = [0, 2, 3];
        int[] end = [0, -3, -2];
        for (var shift = 0; shift < 3; shift++)
        {
            var encoded = Convert.ToBase64String([.. new byte[shift], .. bytes]);
            var trailing = (bytes.Length + shift) % 3;
            var cut = trailing == 0 ? encoded.Length : encoded.Length + end[trailing];
            yield return encoded[start[shift]..Math.Max(start[shift], cut)];
        }
    }
}
