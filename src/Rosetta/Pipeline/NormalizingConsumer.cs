using System.Text.Json;
using Rosetta.Json;
using Rosetta.Mapping;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>
/// Takes the records a decoder cuts, opens the containers vendors wrap them in (JSON arrays, <c>{"records":[...]}</c>,
/// the Advanced Hunting API's <c>{"Schema":...,"Results":[...]}</c>, the streaming API's
/// <c>{"category":...,"properties":{...}}</c>), normalizes each event and sends it to the sink or the dead letters.
/// </summary>
internal sealed class NormalizingConsumer : IRecordConsumer
{
    private const int FlushBytes = 256 * 1024;
    private const string TablePrefix = "AdvancedHunting-";
    private readonly RecordNormalizer _normalizer;
    private readonly IRecordSink _sink;
    private readonly DeadLetterSink _deadLetters;
    private readonly RunSummary _summary;
    private readonly RunProgress _progress;
    private readonly JsonBuffer _envelope = new(4096);
    private readonly long[] _recordsByPlan;
    private int _eventsUntold;

    public NormalizingConsumer(RecordNormalizer normalizer, IRecordSink sink, DeadLetterSink deadLetters, RunSummary summary, RunProgress progress)
    {
        _normalizer = normalizer;
        _sink = sink;
        _deadLetters = deadLetters;
        _summary = summary;
        _progress = progress;
        _recordsByPlan = new long[normalizer.Sources.Plans.Length];
    }

    public string Input { get; set; } = "";

    /// <summary>Lines of the input before the text being read (a block of a parallel run starts mid-file).</summary>
    public long LineOffset { get; set; }

    public void Json(ReadOnlySpan<byte> value, long line)
    {
        var text = value.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return;
        }

        if (text[0] == '[')
        {
            Elements(text, line);
        }
        else if (IsWrapper(text))
        {
            Wrapper(text, line);
        }
        else
        {
            NormalizeOrUnwrap(text, line);
        }
    }

    public ColumnLayout Header(IReadOnlyList<string> columns) => new(columns, _normalizer.Sources.Root);

    public void Row(ColumnLayout layout, ReadOnlySpan<byte> data, ReadOnlySpan<Range> cells, long line, ReadOnlySpan<byte> raw)
    {
        CountEvent();
        var outcome = _normalizer.NormalizeColumns(layout, data, cells);
        Finish(outcome, raw, line);
    }

    public void Malformed(ReadOnlySpan<byte> raw, long line, string reason)
    {
        CountEvent();
        DeadLetter(RecordOutcome.Malformed, reason, raw, line);
    }

    /// <summary>Writes what is buffered to the sink, and counts its records in the summary and its events in the progress.</summary>
    public void Flush()
    {
        TellEvents();
        if (_normalizer.Output.Length > 0)
        {
            _sink.Write(_normalizer.Output.WrittenSpan);
            _normalizer.Output.Clear();
        }

        for (var i = 0; i < _recordsByPlan.Length; i++)
        {
            if (_recordsByPlan[i] > 0)
            {
                _summary.AddRecords(_normalizer.Sources.Plans[i].Plan.SourceId, _recordsByPlan[i]);
                _recordsByPlan[i] = 0;
            }
        }
    }

    /// <summary>
    /// Counts an event in the summary, and in the progress a thousand at a time: the progress is shared by the threads
    /// of a parallel run, and an atomic add per event had them wait on each other.
    /// </summary>
    private void CountEvent()
    {
        _summary.EventsIn++;
        if (++_eventsUntold == 1000)
        {
            TellEvents();
        }
    }

    private void TellEvents()
    {
        _progress.AddEvents(_eventsUntold);
        _eventsUntold = 0;
    }

    /// <summary>
    /// Normalizes one event, or the event inside a streaming API envelope. The event is tried first: envelopes are
    /// rarer, and telling one costs a search of the whole line. A dead letter keeps the line as written.
    /// </summary>
    private void NormalizeOrUnwrap(ReadOnlySpan<byte> text, long line)
    {
        CountEvent();
        var outcome = _normalizer.NormalizeJson(text, null, []);
        if (outcome == RecordOutcome.Unrecognized && text.IndexOf("\"properties\""u8) >= 0 && TryEnvelope(text, out var record, out var table))
        {
            outcome = _normalizer.NormalizeJson(text.Slice(record.Start, record.Length), table, _envelope.WrittenSpan);
        }

        Finish(outcome, text, line);
    }

    private void Finish(RecordOutcome outcome, ReadOnlySpan<byte> raw, long line)
    {
        if (outcome == RecordOutcome.Normalized)
        {
            _recordsByPlan[_normalizer.PlanIndex]++; // into the summary at the next flush: a dictionary per record costs
            if (_normalizer.DirectionProblem is { } direction)
            {
                _summary.UnknownDirection(direction);
            }

            if (_normalizer.FieldProblems > 0)
            {
                _summary.FieldProblems += _normalizer.FieldProblems;
                _summary.Example($"{Input}:{line + LineOffset}: {_normalizer.Reason}");
            }

            if (_normalizer.Output.Length >= FlushBytes)
            {
                Flush();
            }

            return;
        }

        DeadLetter(outcome, _normalizer.Reason ?? outcome.ToString(), raw, line);
    }

    private void DeadLetter(RecordOutcome outcome, string reason, ReadOnlySpan<byte> raw, long line)
    {
        _summary.DeadLetters[outcome] = _summary.DeadLetters.GetValueOrDefault(outcome) + 1;
        _summary.DeadLetterReason(Reasons.Generalize(reason), $"{Input}:{line + LineOffset}");
        _deadLetters.Write(outcome.ToString().ToLowerInvariant(), reason, Input, line + LineOffset, raw);
    }

    /// <summary>Each element of a JSON array is an event (or an envelope).</summary>
    private void Elements(ReadOnlySpan<byte> array, long line)
    {
        var starts = new List<(int Start, int Length)>();
        try
        {
            var reader = new Utf8JsonReader(array);
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                starts.Add((start, (int)reader.BytesConsumed - start));
            }
        }
        catch (JsonException e)
        {
            Malformed(array, line, "malformed JSON: " + e.Message);
            return;
        }

        foreach (var (start, length) in starts)
        {
            Json(array.Slice(start, length), line + array[..start].Count((byte)'\n'));
        }
    }

    /// <summary>An Event Hub batch or an API response: its first member is <c>records</c>, <c>Results</c> or <c>Schema</c>.</summary>
    private static bool IsWrapper(ReadOnlySpan<byte> value)
    {
        try
        {
            var cursor = new JsonCursor(value);
            var first = true;
            if (cursor.Peek() != (byte)'{')
            {
                return false;
            }

            cursor.StartObject(1);
            if (!cursor.NextMember(ref first, out var start, out var length, out _))
            {
                return false;
            }

            var name = value.Slice(start, length);
            return name.SequenceEqual("records"u8) || name.SequenceEqual("Results"u8) || name.SequenceEqual("Schema"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Event Hub batches (<c>records</c>) and API responses (<c>Results</c>): each element is an event.</summary>
    private void Wrapper(ReadOnlySpan<byte> value, long line)
    {
        var arrays = new List<(int Start, int Length)>();
        try
        {
            var reader = new Utf8JsonReader(value);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvents = reader.ValueTextEquals("records"u8) || reader.ValueTextEquals("Results"u8);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (isEvents && value[start] == '[')
                {
                    arrays.Add((start, (int)reader.BytesConsumed - start));
                }
            }
        }
        catch (JsonException e)
        {
            Malformed(value, line, "malformed JSON: " + e.Message);
            return;
        }

        foreach (var (start, length) in arrays)
        {
            Elements(value.Slice(start, length), line + value[..start].Count((byte)'\n'));
        }
    }

    /// <summary>
    /// The streaming API / Event Hub record: the event is <c>properties</c>, its table is <c>category</c> less
    /// <c>AdvancedHunting-</c>; the envelope's other members are kept in the record's metadata.
    /// </summary>
    private bool TryEnvelope(ReadOnlySpan<byte> value, out (int Start, int Length) record, out string? table)
    {
        record = default;
        table = null;
        _envelope.Clear();
        _envelope.StartObject();
        try
        {
            var reader = new Utf8JsonReader(value);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                var isProperties = reader.ValueTextEquals("properties"u8);
                var isCategory = reader.ValueTextEquals("category"u8);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                var end = (int)reader.BytesConsumed;
                if (isProperties && reader.TokenType == JsonTokenType.EndObject)
                {
                    record = (start, end - start);
                    continue;
                }

                if (isCategory && reader.TokenType == JsonTokenType.String)
                {
                    var category = reader.GetString()!;
                    table = category.StartsWith(TablePrefix, StringComparison.Ordinal) ? category[TablePrefix.Length..] : category;
                }

                if (reader.TokenType != JsonTokenType.Null)
                {
                    _envelope.EscapedName(name);
                    _envelope.RawValue(value[start..end]);
                }
            }
        }
        catch (JsonException)
        {
            return false; // the record itself will say what is wrong
        }

        _envelope.EndObject();
        return record.Length > 0 && table is not null;
    }
}
