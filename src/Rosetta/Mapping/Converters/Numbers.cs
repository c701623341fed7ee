using System.Buffers.Text;

namespace Rosetta.Mapping.Converters;

/// <summary>Reads whole numbers, floats and booleans from JSON tokens or text.</summary>
internal static class Numbers
{
    /// <summary>A whole number written as digits (an optional sign); "443.0" and "0x1BB" are not.</summary>
    public static bool TryInteger(ReadOnlySpan<byte> text, out long value)
    {
        text = Blanks.Trim(text);
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && text.Length > 0;
    }

    public static bool TryFloat(ReadOnlySpan<byte> text, out double value)
    {
        text = Blanks.Trim(text);
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && double.IsFinite(value);
    }

    /// <summary>true/false, 1/0, yes/no, in any case.</summary>
    public static bool TryBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = Blanks.Trim(text);
        value = false;
        if (text.Length > 5)
        {
            return false;
        }

        Span<byte> lower = stackalloc byte[5];
        for (var i = 0; i < text.Length; i++)
        {
            lower[i] = (byte)(text[i] | 0x20);
        }

        var word = lower[..text.Length];
        if (word.SequenceEqual("true"u8) || word.SequenceEqual("1"u8) || word.SequenceEqual("yes"u8))
        {
            value = true;
            return true;
        }

        return word.SequenceEqual("false"u8) || word.SequenceEqual("0"u8) || word.SequenceEqual("no"u8);
    }
}
