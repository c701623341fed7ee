using System.Text;
using System.Text.Json;
using Rosetta.Json;
using Rosetta.Mapping.Converters;
using Rosetta.Schema;

namespace Rosetta.Mapping;

/// <summary>
/// Converts one slot's value to its standard type and writes it as <c>"name":value</c>. A value that fails its
/// type is not written; the reason comes back so the record can carry it. Never throws on data.
/// </summary>
internal static class FieldWriter
{
    /// <summary>
    /// Converts the slot's value into the field's ordinal of <paramref name="values"/>; returns null on success, else
    /// why it was left out. An escaped string is unescaped into <paramref name="scratch"/>.
    /// </summary>
    public static string? Write(CompiledField field, SlotTable slots, int slot, ReadOnlySpan<byte> data, FieldValues values, Scratch scratch)
    {
        if (field.Type == FieldType.String && field.ValueMap is null && slots.Kind(slot) == SlotKind.String)
        {
            values.SetFromRecord(field.Ordinal, slots.Start(slot) - 1, slots.Length(slot) + 2); // the JSON string, quotes and escapes as written
            return null;
        }

        var problem = Convert(field, slots, slot, data, values.Begin(), scratch);
        if (problem is null)
        {
            values.Commit(field.Ordinal);
        }
        else
        {
            values.Abandon();
        }

        return problem;
    }

    private static string? Convert(CompiledField field, SlotTable slots, int slot, ReadOnlySpan<byte> data, JsonBuffer output, Scratch scratch)
    {
        var kind = slots.Kind(slot);
        var value = slots.Value(slot, data);
        if (kind == SlotKind.String && slots.Escaped(slot) && (field.Type != FieldType.String || field.ValueMap is not null))
        {
            value = JsonSlotScanner.Name(data, value, escaped: true, slots.Start(slot) - 1, scratch.Take(value.Length));
            kind = SlotKind.Text;
        }

        if (field.ValueMap is { } map && kind is SlotKind.String or SlotKind.Text)
        {
            foreach (var (from, to) in map)
            {
                if (value.SequenceEqual(from))
                {
                    output.String(to);
                    return null;
                }
            }
        }

        return field.Type switch
        {
            FieldType.String => WriteString(field, kind, value, output),
            FieldType.Integer or FieldType.Port => WriteInteger(field, kind, value, output),
            FieldType.Float => WriteFloat(field, kind, value, output),
            FieldType.Boolean => WriteBoolean(field, kind, value, output),
            FieldType.Ip => WriteFormatted(field, kind, value, output, IpAddresses.TryFormat, "an IP address"),
            FieldType.Date => WriteFormatted(field, kind, value, output, Timestamps.TryFormat, "a date"),
            FieldType.Protocol => WriteFormatted(field, kind, value, output, Protocols.TryFormat, "an IP protocol"),
            _ => WriteJson(field, kind, value, output),
        };
    }

    private static string? WriteString(CompiledField field, SlotKind kind, ReadOnlySpan<byte> value, JsonBuffer output)
    {
        switch (kind)
        {
            case SlotKind.String:
                output.EscapedString(value);
                break;
            case SlotKind.Text or SlotKind.Number or SlotKind.Object or SlotKind.Array:
                output.String(value);
                break;
            default:
                output.String(kind == SlotKind.True ? "true"u8 : "false"u8);
                break;
        }

        return null;
    }

    private static string? WriteInteger(CompiledField field, SlotKind kind, ReadOnlySpan<byte> value, JsonBuffer output)
    {
        if (kind is not (SlotKind.Number or SlotKind.String or SlotKind.Text) || !Numbers.TryInteger(value, out var number))
        {
            return Problem(kind, value, "a whole number");
        }

        if (field.Type == FieldType.Port && number is < 0 or > 65535)
        {
            return $"{Shown(kind, value)} is not a port (0-65535)";
        }

        if (kind == SlotKind.Number)
        {
            output.RawValue(value);
        }
        else
        {
            output.Number(number);
        }

        return null;
    }

    private static string? WriteFloat(CompiledField field, SlotKind kind, ReadOnlySpan<byte> value, JsonBuffer output)
    {
        if (kind is not (SlotKind.Number or SlotKind.String or SlotKind.Text) || !Numbers.TryFloat(value, out _))
        {
            return Problem(kind, value, "a number");
        }

        output.RawValue(Blanks.Trim(value));
        return null;
    }

    private static string? WriteBoolean(CompiledField field, SlotKind kind, ReadOnlySpan<byte> value, JsonBuffer output)
    {
        bool result;
        if (kind is SlotKind.True or SlotKind.False)
        {
            result = kind == SlotKind.True;
        }
        else if (kind is not (SlotKind.Number or SlotKind.String or SlotKind.Text) || !Numbers.TryBoolean(value, out result))
        {
            return Problem(kind, value, "true or false");
        }

        output.Boolean(result);
        return null;
    }

    private delegate bool Formatter(ReadOnlySpan<byte> text, Span<byte> output, out int written);

    private static string? WriteFormatted(CompiledField field, SlotKind kind, ReadOnlySpan<byte> value, JsonBuffer output, Formatter format, string what)
    {
        Span<byte> text = stackalloc byte[IpAddresses.MaxLength + Timestamps.MaxLength];
        if (kind is not (SlotKind.Number or SlotKind.String or SlotKind.Text) || !format(value, text, out var written))
        {
            return Problem(kind, value, what);
        }

        output.EscapedString(text[..written]);
        return null;
    }

    private static string? WriteJson(CompiledField field, SlotKind kind, ReadOnlySpan<byte> value, JsonBuffer output)
    {
        if (kind is SlotKind.String or SlotKind.Text && IsJsonContainer(value))
        {
            output.RawValue(value);
        }
        else if (kind == SlotKind.String)
        {
            output.EscapedString(value);
        }
        else if (kind == SlotKind.Text)
        {
            output.String(value);
        }
        else
        {
            output.RawValue(value);
        }

        return null;
    }

    private static bool IsJsonContainer(ReadOnlySpan<byte> value)
    {
        var trimmed = value.Trim(" \t\r\n"u8);
        if (trimmed.Length < 2 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(trimmed);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Problem(SlotKind kind, ReadOnlySpan<byte> value, string what) => $"{Shown(kind, value)} is not {what}";

    private static string Shown(SlotKind kind, ReadOnlySpan<byte> value) => kind switch
    {
        SlotKind.Object => "an object",
        SlotKind.Array => "an array",
        SlotKind.True => "true",
        SlotKind.False => "false",
        SlotKind.Number => Encoding.UTF8.GetString(value.Length > 60 ? value[..60] : value),
        _ => "'" + Encoding.UTF8.GetString(value.Length > 60 ? value[..60] : value) + (value.Length > 60 ? "...'" : "'"),
    };
}
