using System.Text;
using Rosetta.Json;
using Rosetta.Mapping.Converters;
using Rosetta.Schema.Profiles;

namespace Rosetta.Mapping;

/// <summary>One target value of a <see cref="CompiledProfile"/>: a constant, or a standard value converted.</summary>
internal sealed class ProfileLeaf
{
    /// <summary>The standard name's ordinal; -1 for a constant or a name no source of the run produces.</summary>
    public int Ordinal { get; init; } = -1;

    public byte[]? Constant { get; init; }

    public ProfileSide Side { get; init; }

    public ProfileConversion As { get; init; }

    /// <summary>Standard value (unescaped text) to target JSON.</summary>
    public (byte[] From, byte[] Json)[]? Values { get; init; }

    public byte[]? Default { get; init; }

    public byte[]? Absent { get; init; }

    public static ProfileLeaf For(ProfileField field, int ordinal, ProfileSide side) => new()
    {
        Ordinal = ordinal,
        Side = side,
        As = field.As,
        Values = field.Values?.Select(kv => (Encoding.UTF8.GetBytes(kv.Key), Encoding.UTF8.GetBytes(kv.Value))).ToArray(),
        Default = field.Default is null ? null : Encoding.UTF8.GetBytes(field.Default),
        Absent = field.Absent is null ? null : Encoding.UTF8.GetBytes(field.Absent),
    };

    /// <summary>Writes <c>"name":value</c> when the record has something to write here; false when it has not.</summary>
    public bool Write(byte[] name, FieldValues values, JsonBuffer output, ProfileSide side)
    {
        if (Constant is not null)
        {
            output.Name(name);
            output.RawValue(Constant);
            return true;
        }

        if (Side != ProfileSide.Any && Side != side)
        {
            return false;
        }

        if (!values.Has(Ordinal))
        {
            return WriteRaw(name, Absent, output);
        }

        if (Values is not null)
        {
            var text = values.Text(Ordinal);
            foreach (var (from, json) in Values)
            {
                if (text.SequenceEqual(from))
                {
                    return WriteRaw(name, json, output);
                }
            }

            if (Default is not null)
            {
                return WriteRaw(name, Default, output);
            }
        }

        var value = values.Json(Ordinal);
        switch (As)
        {
            case ProfileConversion.String when value[0] != '"':
                output.Name(name);
                output.String(value);
                return true;
            case ProfileConversion.EpochMilliseconds:
                if (!Timestamps.TryEpochMilliseconds(values.Text(Ordinal), out var milliseconds))
                {
                    return false;
                }

                output.Name(name);
                output.Number(milliseconds);
                return true;
            default:
                return WriteRaw(name, value, output);
        }
    }

    private static bool WriteRaw(byte[] name, ReadOnlySpan<byte> json, JsonBuffer output)
    {
        if (json.IsEmpty)
        {
            return false;
        }

        output.Name(name);
        output.RawValue(json);
        return true;
    }
}
