using System.Text.Json;
using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>
/// Normalizes one record at a time into its own output buffer: scan, route, map, leftovers. One per thread;
/// it owns its scratch, and allocates nothing per record on the success path.
/// </summary>
internal sealed class RecordNormalizer
{
    private static readonly byte[] DiagnosticsName = "\"diagnostics\":"u8.ToArray();
    private static readonly byte[] TableName = "\"table\":"u8.ToArray();
    private static readonly byte[] EnvelopeName = "\"envelope\":"u8.ToArray();
    private static readonly byte[] RosettaName = "\"rosetta\":"u8.ToArray();
    private static readonly byte[] VendorName = "\"vendor\":"u8.ToArray();
    private static readonly byte[] KeyName = "\"key\":"u8.ToArray();
    private readonly CompiledSources _sources;
    private readonly CompiledProfile _profile;
    private readonly SlotTable _slots;
    private readonly FieldValues _values;
    private readonly Scratch _scratch = new();
    private readonly bool _standardOnly;
    private readonly bool _strict;
    private readonly List<string> _problems = [];
    private readonly EventKeyHasher? _keys;
    private readonly MemberTape? _tape;
    private readonly KeyOrder _order;

    public RecordNormalizer(CompiledSources sources, CompiledProfile profile, bool standardOnly, bool strict, bool eventKeys = false)
    {
        _keys = eventKeys ? new EventKeyHasher() : null;
        _sources = sources;
        _profile = profile;
        _slots = new SlotTable(sources.SlotCount);
        _order = new KeyOrder(sources.NodeCount);
        _values = new FieldValues(sources.Layout.Names.Count);
        _standardOnly = standardOnly;
        _strict = strict;
        _tape = standardOnly ? null : new MemberTape();
    }

    /// <summary>The normalized records written so far, one NDJSON line each.</summary>
    public JsonBuffer Output { get; } = new();

    /// <summary>Why the last record was not normalized, or what was wrong with its fields.</summary>
    public string? Reason { get; private set; }

    /// <summary>The plan of the last normalized record.</summary>
    public CompiledPlan? Plan { get; private set; }

    /// <summary>Where <see cref="Plan"/> is in <see cref="CompiledSources.Plans"/>.</summary>
    public int PlanIndex { get; private set; }

    /// <summary>How many field values of the last record failed their type.</summary>
    public int FieldProblems => _problems.Count;

    /// <summary>Why the last record's direction is unknown, when its overlay had no answer for it; else null.</summary>
    public string? DirectionProblem { get; private set; }

    public CompiledSources Sources => _sources;

    /// <summary>Normalizes a JSON object. <paramref name="envelope"/> is the container it came in (its other members are kept), or empty.</summary>
    public RecordOutcome NormalizeJson(ReadOnlySpan<byte> record, string? table, ReadOnlySpan<byte> envelope)
    {
        _slots.Reset();
        try
        {
            JsonSlotScanner.Scan(record, _sources.Root, _slots, _order, _tape);
        }
        catch (JsonException e)
        {
            Reason = "malformed JSON: " + e.Message;
            return RecordOutcome.Malformed;
        }

        var outcome = Route(record, table);
        if (outcome != RecordOutcome.Normalized)
        {
            return outcome;
        }

        if (!WriteStandardFields(record))
        {
            return RecordOutcome.Rejected;
        }

        Span<byte> key = stackalloc byte[EventKeyHasher.Size * 2];
        _keys?.OfJson(record, key);
        WriteMetadata(table, envelope, _keys is null ? [] : key);
        if (_tape is not null)
        {
            JsonLeftoverWriter.Write(record, _tape, _slots, Output);
        }

        Output.EndObject();
        Output.NewLine();
        return RecordOutcome.Normalized;
    }

    /// <summary>Normalizes a row of columns (CSV): <paramref name="cells"/> are spans of <paramref name="data"/>, in header order.</summary>
    public RecordOutcome NormalizeColumns(ColumnLayout layout, ReadOnlySpan<byte> data, ReadOnlySpan<Range> cells)
    {
        _slots.Reset();
        for (var i = 0; i < cells.Length && i < layout.Slots.Length; i++)
        {
            if (layout.Slots[i] >= 0)
            {
                var (start, length) = cells[i].GetOffsetAndLength(data.Length);
                _slots.Set(layout.Slots[i], length == 0 ? SlotKind.Null : SlotKind.Text, start, length, false);
            }
        }

        var outcome = Route(data, null);
        if (outcome != RecordOutcome.Normalized)
        {
            return outcome;
        }

        if (!WriteStandardFields(data))
        {
            return RecordOutcome.Rejected;
        }

        Span<byte> key = stackalloc byte[EventKeyHasher.Size * 2];
        _keys?.OfCells(data, cells, key);
        WriteMetadata(null, [], _keys is null ? [] : key);
        if (!_standardOnly)
        {
            WriteColumnLeftovers(layout, data, cells);
        }

        Output.EndObject();
        Output.NewLine();
        return RecordOutcome.Normalized;
    }

    private RecordOutcome Route(ReadOnlySpan<byte> data, string? table)
    {
        var index = _sources.Route(_slots, data, table);
        if (index >= 0)
        {
            PlanIndex = index;
            Plan = _sources.Plans[index];
            Reason = null;
            return RecordOutcome.Normalized;
        }

        Plan = null;
        if (index == -2)
        {
            Reason = "recognized by more than one dictionary equally: " + string.Join(", ",
                MatchingSources(data, table));
            return RecordOutcome.Ambiguous;
        }

        Reason = table is null ? "no dictionary recognizes this event" : $"no dictionary for the table '{table}'";
        return RecordOutcome.Unrecognized;
    }

    private string MatchingSources(ReadOnlySpan<byte> data, string? table)
    {
        var names = new List<string>();
        foreach (var plan in _sources.Plans)
        {
            if (plan.Matches(_slots, data, table))
            {
                names.Add(plan.Plan.SourceId);
            }
        }

        return string.Join(", ", names);
    }

    /// <summary>Maps the plan's fields into values, orients and enriches them, and opens the record with them in the profile's shape.</summary>
    private bool WriteStandardFields(ReadOnlySpan<byte> data)
    {
        _problems.Clear();
        _values.Reset(data);
        DirectionProblem = null;
        foreach (var field in Plan!.Fields)
        {
            var slots = field.Slots;
            for (var i = 0; i < slots.Length; i++)
            {
                if (!_slots.HasValue(slots[i]))
                {
                    continue;
                }

                if (Plan.IsNullValue(_slots, slots[i], data))
                {
                    _slots.Consume(slots[i]); // "-" is the source's way of saying nothing
                    continue;
                }

                if (FieldWriter.Write(field, _slots, slots[i], data, _values, _scratch) is { } problem)
                {
                    _problems.Add($"{field.Mapping.StandardName}: {problem} ({field.Mapping.Paths[i]})");
                }
                else
                {
                    _slots.Consume(slots[i]);
                }

                break;
            }
        }

        if (_strict && _problems.Count > 0)
        {
            Reason = string.Join("; ", _problems);
            return false;
        }

        foreach (var (ordinal, text) in Plan.Constants)
        {
            if (!_values.Has(ordinal))
            {
                _values.SetString(ordinal, text);
            }
        }

        _sources.Processes.Apply(_values);
        DirectionProblem = _sources.Semantics.Apply(Plan, _values, _slots, data, _scratch);
        Reason = _problems.Count > 0 ? string.Join("; ", _problems) : null;
        Output.StartObject();
        _profile.Write(_values, Output);
        return true;
    }

    private void WriteMetadata(string? table, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> key)
    {
        Output.Name(RosettaName);
        Output.StartObject();
        Output.RawMembers(Plan!.Metadata);
        if (!key.IsEmpty)
        {
            Output.Name(KeyName);
            Output.EscapedString(key);
        }

        if (table is not null)
        {
            Output.Name(TableName);
            Output.String(table);
        }

        if (_problems.Count > 0 || DirectionProblem is not null)
        {
            Output.Name(DiagnosticsName);
            Output.StartArray();
            foreach (var problem in _problems)
            {
                Output.String(problem);
            }

            if (DirectionProblem is not null)
            {
                Output.String(DirectionProblem);
            }

            Output.EndArray();
        }

        if (!envelope.IsEmpty)
        {
            Output.Name(EnvelopeName);
            Output.RawValue(envelope);
        }

        Output.EndObject();
    }

    private void WriteColumnLeftovers(ColumnLayout layout, ReadOnlySpan<byte> data, ReadOnlySpan<Range> cells)
    {
        var mark = Output.Mark();
        Output.Name(VendorName);
        Output.StartObject();
        var wrote = false;
        for (var i = 0; i < cells.Length && i < layout.Names.Length; i++)
        {
            var slot = layout.Slots[i];
            var (start, length) = cells[i].GetOffsetAndLength(data.Length);
            if (length == 0 || (slot >= 0 && _slots.IsConsumed(slot)))
            {
                continue;
            }

            Output.Name(layout.Names[i]);
            Output.String(data.Slice(start, length));
            wrote = true;
        }

        if (wrote)
        {
            Output.EndObject();
        }
        else
        {
            Output.Rollback(mark);
        }
    }
}
