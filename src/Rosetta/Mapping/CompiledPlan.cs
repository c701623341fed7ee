using System.Text;
using Rosetta.Json;
using Rosetta.Mapping.Semantics;

namespace Rosetta.Mapping;

/// <summary>A <see cref="MappingPlan"/> bound to the shared slots: what the router and the mapper read per record.</summary>
internal sealed class CompiledPlan
{
    public CompiledPlan(
        MappingPlan plan, CompiledField[] fields, int[] present, int[] absent, (int Slot, byte[][] Values)[] equal,
        CompiledOrientation? orientation, RecordLayout layout)
    {
        Equal = equal;
        NullValues = [.. plan.Overlay.NullValues.Select(Encoding.UTF8.GetBytes)];
        Constants = [.. plan.Constants.Select(kv => (layout.OrdinalOf(kv.Key), Encoding.UTF8.GetBytes(kv.Value)))];
        Plan = plan;
        Fields = fields;
        Present = present;
        Absent = absent;
        Orientation = orientation;
        IsNetwork = NetworkSemantics.Applies(plan);
        HasProcess = plan.HasProcess;
        Tables = new HashSet<string>(plan.Recognize.Tables, StringComparer.OrdinalIgnoreCase);
        Metadata = Encoding.UTF8.GetBytes(
            $"\"source\":{EngineJson.Quote(plan.SourceId)},\"event\":{EngineJson.Quote(plan.EventName)}");
    }

    public MappingPlan Plan { get; }

    public CompiledField[] Fields { get; }

    public int[] Present { get; }

    public int[] Absent { get; }

    /// <summary>Fields that must hold one of some values, as their raw text.</summary>
    public (int Slot, byte[][] Values)[] Equal { get; }

    /// <summary>The raw texts that mean "no value" in this source.</summary>
    public byte[][] NullValues { get; }

    public HashSet<string> Tables { get; }

    /// <summary>Ordinal and text of the values the source's events have when they carry none.</summary>
    public (int Ordinal, byte[] Text)[] Constants { get; }

    /// <summary>How the source says which side opened a connection, or null.</summary>
    public CompiledOrientation? Orientation { get; }

    /// <summary>The source's records are connections: the engine orients and enriches them.</summary>
    public bool IsNetwork { get; }

    /// <summary>The source's records name the process that reported them.</summary>
    public bool HasProcess { get; }

    /// <summary><c>"source":"...","event":"..."</c>: the first members of the record's <c>rosetta</c> object.</summary>
    public byte[] Metadata { get; }

    /// <summary>How specific the field conditions are: with several matches, the most specific plan wins.</summary>
    public int Specificity => Present.Length + Absent.Length + Equal.Length;

    public bool Matches(SlotTable slots, ReadOnlySpan<byte> data, string? table)
    {
        if (table is not null)
        {
            return Tables.Contains(table);
        }

        if (Present.Length == 0 && Equal.Length == 0)
        {
            return false;
        }

        foreach (var (slot, values) in Equal)
        {
            if (!slots.HasValue(slot) || !IsOneOf(slots.Value(slot, data), values))
            {
                return false;
            }
        }

        foreach (var slot in Present)
        {
            if (!slots.HasValue(slot))
            {
                return false;
            }
        }

        foreach (var slot in Absent)
        {
            if (slots.Kind(slot) != SlotKind.Missing)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the slot holds one of the source's "no value" markers.</summary>
    public bool IsNullValue(SlotTable slots, int slot, ReadOnlySpan<byte> data) =>
        NullValues.Length > 0 && IsOneOf(slots.Value(slot, data), NullValues);

    private static bool IsOneOf(ReadOnlySpan<byte> value, byte[][] values)
    {
        foreach (var candidate in values)
        {
            if (value.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
