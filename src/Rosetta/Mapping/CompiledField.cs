using System.Text;
using Rosetta.Schema;

namespace Rosetta.Mapping;

/// <summary>A <see cref="FieldMapping"/> bound to slots, with its output name encoded once.</summary>
internal sealed class CompiledField
{
    public CompiledField(FieldMapping mapping, int[] slots, int ordinal)
    {
        Mapping = mapping;
        Slots = slots;
        Ordinal = ordinal;
        Type = mapping.Type;
        ValueMap = mapping.Values?.Select(kv => (Encoding.UTF8.GetBytes(kv.Key), Encoding.UTF8.GetBytes(kv.Value))).ToArray();
    }

    public FieldMapping Mapping { get; }

    public FieldType Type { get; }

    /// <summary>The slots of the vendor paths, in order; the first with a value wins.</summary>
    public int[] Slots { get; }

    /// <summary>The standard name's ordinal in the run's <see cref="RecordLayout"/>.</summary>
    public int Ordinal { get; }

    /// <summary>Vendor value to standard value, compared as unescaped UTF-8.</summary>
    public (byte[] From, byte[] To)[]? ValueMap { get; }
}
