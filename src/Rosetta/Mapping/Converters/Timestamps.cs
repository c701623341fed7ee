namespace Rosetta.Mapping.Converters;

/// <summary>
/// Reads the timestamps vendors write (ISO-8601 with up to 9 fraction digits and any offset, epoch seconds,
/// milliseconds, microseconds or nanoseconds, <c>M/d/yy H:mm</c>) and writes ISO-8601 UTC with <c>Z</c>,
/// keeping the source's sub-second digits. Works on UTF-8 bytes; allocates nothing.
/// </summary>
internal static class Timestamps
{
    /// <summary>The longest text <see cref="TryFormat"/> writes: <c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c>.</summary>
    public const int MaxLength = 30;

    /// <summary>Converts <paramref name="text"/> to ISO-8601 UTC in <paramref name="output"/>; false when it is no timestamp.</summary>
    public static bool TryFormat(ReadOnlySpan<byte> text, Span<byte> output, out int written)
    {
        written = 0;
        text = Blanks.Trim(text);
        if (text.Length == 0)
        {
            return false;
        }

        if (IsEpoch(text))
        {
            return TryEpoch(text, output, out written);
        }

        return text.IndexOf((byte)'/') > 0 ? TrySlashed(text, output, out written) : TryIso(text, output, out written);
    }

    private static bool IsEpoch(ReadOnlySpan<byte> text)
    {
        var dots = 0;
        for (var i = text[0] == (byte)'-' ? 1 : 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'.')
            {
                dots++;
            }
            else if (!IsDigit(text[i]))
            {
                return false;
            }
        }

        return dots <= 1 && text.Length >= 9;
    }

    /// <summary>Epoch numbers: the magnitude says the unit (seconds below 1e11, ms below 1e14, us below 1e17, else ns).</summary>
    private static bool TryEpoch(ReadOnlySpan<byte> text, Span<byte> output, out int written)
    {
        written = 0;
        var negative = text[0] == (byte)'-';
        var digits = negative ? text[1..] : text;
        var dot = digits.IndexOf((byte)'.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        if (whole.Length is 0 or > 19 || fraction.Length > 9)
        {
            return false;
        }

        long value = 0;
        foreach (var b in whole)
        {
            value = (value * 10) + (b - '0');
        }

        int unitDigits = whole.Length <= 11 ? 0 : whole.Length <= 14 ? 3 : whole.Length <= 17 ? 6 : 9;
        if (unitDigits > 0 && fraction.Length > 0)
        {
            return false; // "1571933515865.5" ms with a fraction: not a form any vendor writes
        }

        long scale = unitDigits switch { 0 => 1, 3 => 1000, 6 => 1_000_000, _ => 1_000_000_000 };
        var seconds = Math.DivRem(value, scale, out var sub);
        if (negative)
        {
            seconds = -seconds;
            sub = -sub;
            if (sub < 0)
            {
                sub += scale;
                seconds--;
            }
        }

        Span<byte> subDigits = stackalloc byte[9];
        scoped ReadOnlySpan<byte> fractionDigits = fraction;
        if (unitDigits > 0)
        {
            for (var i = unitDigits - 1; i >= 0; i--)
            {
                subDigits[i] = (byte)('0' + (sub % 10));
                sub /= 10;
            }

            fractionDigits = subDigits[..unitDigits];
        }
        else if (negative && fraction.Length > 0)
        {
            return false;
        }

        return TryWrite(seconds, fractionDigits, output, out written);
    }

    /// <summary>yyyy-MM-dd[T ]HH:mm[:ss[.f...]][Z|+hh:mm|+hhmm|+hh]; no offset means UTC.</summary>
    private static bool TryIso(ReadOnlySpan<byte> t, Span<byte> output, out int written)
    {
        written = 0;
        if (t.Length < 16 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ' && t[10] != 't') || t[13] != ':')
        {
            return t.Length == 10 && t[4] == '-' && t[7] == '-' && TryDateOnly(t, output, out written);
        }

        if (!Two(t, 5, out var month) || !Two(t, 8, out var day) || !Two(t, 11, out var hour) || !Two(t, 14, out var minute)
            || !Four(t, 0, out var year))
        {
            return false;
        }

        var i = 16;
        var second = 0;
        if (i < t.Length && t[i] == ':')
        {
            if (!Two(t, i + 1, out second))
            {
                return false;
            }

            i += 3;
        }

        var fraction = ReadOnlySpan<byte>.Empty;
        if (i < t.Length && (t[i] == '.' || t[i] == ','))
        {
            var start = ++i;
            while (i < t.Length && IsDigit(t[i]))
            {
                i++;
            }

            fraction = t[start..i];
            if (fraction.Length is 0 or > 9)
            {
                return false;
            }
        }

        var offsetSeconds = 0;
        if (i < t.Length)
        {
            if (t[i] is (byte)'Z' or (byte)'z')
            {
                i++;
            }
            else if (t[i] is (byte)'+' or (byte)'-')
            {
                var sign = t[i] == '-' ? -1 : 1;
                if (!Two(t, i + 1, out var oh))
                {
                    return false;
                }

                i += 3;
                var om = 0;
                if (i < t.Length && t[i] == ':')
                {
                    i++;
                }

                if (i < t.Length)
                {
                    if (!Two(t, i, out om))
                    {
                        return false;
                    }

                    i += 2;
                }

                if (oh > 18 || om > 59)
                {
                    return false;
                }

                offsetSeconds = sign * ((oh * 3600) + (om * 60));
            }
        }

        if (i != t.Length || !Valid(year, month, day, hour, minute, second))
        {
            return false;
        }

        if (IsWrittenAsOutput(t, offsetSeconds, second) && output.Length >= t.Length)
        {
            t.CopyTo(output);
            written = t.Length;
            return true;
        }

        var epoch = (DaysFromCivil(year, month, day) * 86400L) + (hour * 3600) + (minute * 60) + second - offsetSeconds;
        return TryWrite(epoch, fraction, output, out written);
    }

    /// <summary>
    /// True when a valid ISO time is already what <see cref="TryWrite"/> would make of it (<c>yyyy-MM-ddTHH:mm:ss[.f]Z</c>,
    /// no leap second), as Defender writes every time: it is copied, not computed again.
    /// </summary>
    private static bool IsWrittenAsOutput(ReadOnlySpan<byte> t, int offsetSeconds, int second) =>
        offsetSeconds == 0 && second < 60 && t.Length >= 20 && t[10] == 'T' && t[16] == ':' && t[^1] == 'Z' && (t.Length == 20 || t[19] == '.');

    private static bool TryDateOnly(ReadOnlySpan<byte> t, Span<byte> output, out int written)
    {
        written = 0;
        return Four(t, 0, out var year) && Two(t, 5, out var month) && Two(t, 8, out var day) && Valid(year, month, day, 0, 0, 0)
            && TryWrite(DaysFromCivil(year, month, day) * 86400L, [], output, out written);
    }

    /// <summary>M/d/yy H:mm[:ss] [AM|PM], as OSSEM's sample values and spreadsheet exports write them; read as UTC.</summary>
    private static bool TrySlashed(ReadOnlySpan<byte> t, Span<byte> output, out int written)
    {
        written = 0;
        var i = 0;
        if (!Number(t, ref i, 2, out var month) || !Expect(t, ref i, '/') || !Number(t, ref i, 2, out var day)
            || !Expect(t, ref i, '/'))
        {
            return false;
        }

        var yearStart = i;
        if (!Number(t, ref i, 4, out var year))
        {
            return false;
        }

        if (i - yearStart == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        else if (i - yearStart != 4)
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (i < t.Length)
        {
            if (t[i] != ' ' && t[i] != 'T')
            {
                return false;
            }

            while (i < t.Length && t[i] == ' ')
            {
                i++;
            }

            if (t[i] == 'T')
            {
                i++;
            }

            if (!Number(t, ref i, 2, out hour) || !Expect(t, ref i, ':') || !Number(t, ref i, 2, out minute))
            {
                return false;
            }

            if (i < t.Length && t[i] == ':' && (!Expect(t, ref i, ':') || !Number(t, ref i, 2, out second)))
            {
                return false;
            }

            while (i < t.Length && t[i] == ' ')
            {
                i++;
            }

            if (i + 2 == t.Length && (t[i + 1] | 0x20) == 'm' && (t[i] | 0x20) is 'a' or 'p')
            {
                if (hour is 0 or > 12)
                {
                    return false;
                }

                hour = (hour % 12) + ((t[i] | 0x20) == 'p' ? 12 : 0);
                i += 2;
            }
        }

        if (i != t.Length || !Valid(year, month, day, hour, minute, second))
        {
            return false;
        }

        var epoch = (DaysFromCivil(year, month, day) * 86400L) + (hour * 3600) + (minute * 60) + second;
        return TryWrite(epoch, [], output, out written);
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss[.fraction]Z</c> for seconds since the epoch; years 0001-9999 only.</summary>
    public static bool TryWrite(long epochSeconds, ReadOnlySpan<byte> fraction, Span<byte> d, out int written)
    {
        written = 0;
        var days = Math.DivRem(epochSeconds, 86400L, out var rem);
        if (rem < 0)
        {
            rem += 86400;
            days--;
        }

        var (year, month, day) = CivilFromDays(days);
        if (year is < 1 or > 9999 || d.Length < 21 + fraction.Length)
        {
            return false;
        }

        var r = (int)rem;
        int hour = r / 3600, minute = r / 60 % 60, second = r % 60;
        d[0] = (byte)('0' + (year / 1000));
        d[1] = (byte)('0' + (year / 100 % 10));
        d[2] = (byte)('0' + (year / 10 % 10));
        d[3] = (byte)('0' + (year % 10));
        d[4] = (byte)'-';
        Put2(d, 5, month);
        d[7] = (byte)'-';
        Put2(d, 8, day);
        d[10] = (byte)'T';
        Put2(d, 11, hour);
        d[13] = (byte)':';
        Put2(d, 14, minute);
        d[16] = (byte)':';
        Put2(d, 17, second);
        written = 19;
        if (fraction.Length > 0)
        {
            d[written++] = (byte)'.';
            fraction.CopyTo(d[written..]);
            written += fraction.Length;
        }

        d[written++] = (byte)'Z';
        return true;
    }

    // days since 1970-01-01 from a civil date, and back (H. Hinnant's algorithms, proleptic Gregorian)
    private static long DaysFromCivil(int y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097L) + doe - 719468;
    }

    private static (int Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = doy - (((153 * mp) + 2) / 5) + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        return ((int)(y + (m <= 2 ? 1 : 0)), (int)m, (int)d);
    }

    private static bool Valid(int year, int month, int day, int hour, int minute, int second) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month)
        && hour < 24 && minute < 60 && second < 61;

    private static int DaysInMonth(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    private static void Put2(Span<byte> d, int at, int value)
    {
        d[at] = (byte)('0' + (value / 10));
        d[at + 1] = (byte)('0' + (value % 10));
    }

    private static bool Two(ReadOnlySpan<byte> t, int at, out int value)
    {
        value = 0;
        if (at + 2 > t.Length || !IsDigit(t[at]) || !IsDigit(t[at + 1]))
        {
            return false;
        }

        value = ((t[at] - '0') * 10) + (t[at + 1] - '0');
        return true;
    }

    private static bool Four(ReadOnlySpan<byte> t, int at, out int value)
    {
        value = 0;
        if (!Two(t, at, out var high) || !Two(t, at + 2, out var low))
        {
            return false;
        }

        value = (high * 100) + low;
        return true;
    }

    /// <summary>
    /// Reads a date as Rosetta writes it (<c>yyyy-MM-ddTHH:mm:ss[.fraction]Z</c>) as whole milliseconds since the
    /// Unix epoch, the fraction truncated.
    /// </summary>
    public static bool TryEpochMilliseconds(ReadOnlySpan<byte> iso, out long milliseconds)
    {
        milliseconds = 0;
        var i = 0;
        if (!Number(iso, ref i, 4, out var year) || !Expect(iso, ref i, '-') || !Number(iso, ref i, 2, out var month)
            || !Expect(iso, ref i, '-') || !Number(iso, ref i, 2, out var day) || !Expect(iso, ref i, 'T')
            || !Number(iso, ref i, 2, out var hour) || !Expect(iso, ref i, ':') || !Number(iso, ref i, 2, out var minute)
            || !Expect(iso, ref i, ':') || !Number(iso, ref i, 2, out var second))
        {
            return false;
        }

        var fraction = 0;
        if (Expect(iso, ref i, '.'))
        {
            var digits = 0;
            while (i < iso.Length && IsDigit(iso[i]))
            {
                if (digits++ < 3)
                {
                    fraction = (fraction * 10) + (iso[i] - '0');
                }

                i++;
            }

            for (; digits < 3; digits++)
            {
                fraction *= 10;
            }
        }

        if (!Expect(iso, ref i, 'Z') || i != iso.Length)
        {
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * 86400L) + (hour * 3600) + (minute * 60) + second;
        milliseconds = (seconds * 1000) + fraction;
        return true;
    }

    private static bool Number(ReadOnlySpan<byte> t, ref int i, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < t.Length && IsDigit(t[i]) && i - start < maxDigits)
        {
            value = (value * 10) + (t[i++] - '0');
        }

        return i > start && (i == t.Length || !IsDigit(t[i]));
    }

    private static bool Expect(ReadOnlySpan<byte> t, ref int i, char c)
    {
        if (i < t.Length && t[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
