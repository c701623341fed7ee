using System.Runtime.CompilerServices;

namespace Rosetta.Mapping.Converters;

/// <summary>The spaces and tabs vendors leave around a value, which every converter ignores.</summary>
internal static class Blanks
{
    /// <summary>
    /// <paramref name="text"/> without the spaces and tabs around it. Values almost never have any: the two ends are
    /// looked at before the library's trim, which searches a set of bytes at each end, is called.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) =>
        text.IsEmpty || (!IsBlank(text[0]) && !IsBlank(text[^1])) ? text : text.Trim(" \t"u8);

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';
}
