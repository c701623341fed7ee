using System.Text.Json;
using Rosetta.Detection.Fields;
using Rosetta.Sinks;

namespace Rosetta.Detection;

/// <summary>
/// Takes normalized records (NDJSON lines, from the engine, a store or a file of records) and writes one NDJSON line
/// per rule a record matches: the rule's id, title, level and tags, the record's source, and the record itself. A
/// line that is not a record (a file of records may hold anything) goes to the dead letters with its line.
/// </summary>
public sealed class DetectionSink : IRecordSink
{
    private readonly RuleSet _rules;
    private readonly EventView _view;
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Utf8JsonWriter _json;
    private readonly DeadLetterSink _deadLetters;
    private string _input = "";
    private long _lines;

    /// <summary>Writes matches of <paramref name="rules"/> to <paramref name="stream"/>; lines that are not records to <paramref name="deadLetters"/>.</summary>
    public DetectionSink(RuleSet rules, Stream stream, DeadLetterSink deadLetters, bool ownsStream = true)
    {
        _rules = rules;
        _deadLetters = deadLetters;
        _view = rules.CreateView();
        _stream = stream;
        _ownsStream = ownsStream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Records seen.</summary>
    public long Records { get; private set; }

    /// <summary>Matches written.</summary>
    public long Matches { get; private set; }

    /// <summary>Lines that were not records (in the dead letters).</summary>
    public long Malformed { get; private set; }

    /// <summary>Where the lines written next come from, for dead letters; their line numbers start again at 1.</summary>
    public string Input
    {
        get => _input;
        set
        {
            _input = value;
            _lines = 0;
        }
    }

    /// <summary>Matches per rule id.</summary>
    public Dictionary<string, long> MatchesByRule { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> ndjson)
    {
        var lines = new NdjsonLines(ndjson);
        while (lines.MoveNext())
        {
            Detect(lines.Current, _lines + lines.Number);
        }

        _lines += ndjson.Count((byte)'\n') + (ndjson.IsEmpty || ndjson[^1] == '\n' ? 0 : 1);
    }

    /// <inheritdoc/>
    public void Flush()
    {
        _json.Flush();
        _stream.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Flush();
        _json.Dispose();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private void Detect(ReadOnlySpan<byte> line, long number)
    {
        try
        {
            _view.Load(line);
        }
        catch (JsonException e)
        {
            Malformed++;
            _deadLetters.Write("malformed", "not a normalized record: " + e.Message, _input, number, line);
            return;
        }

        Records++;
        foreach (var match in _rules.Match(_view))
        {
            Matches++;
            MatchesByRule[match.Rule.Id] = MatchesByRule.GetValueOrDefault(match.Rule.Id) + 1;
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteStartObject("rule");
            _json.WriteString("id", match.Rule.Id);
            _json.WriteString("title", match.Rule.Title);
            _json.WriteString("level", match.Rule.Level);
            _json.WriteStartArray("tags");
            foreach (var tag in match.Rule.Tags)
            {
                _json.WriteStringValue(tag);
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteString("source", _view.Source);
            _json.WritePropertyName("event");
            _json.WriteRawValue(line, skipInputValidation: true);
            _json.WriteEndObject();
            _json.Flush();
            _stream.WriteByte((byte)'\n');
        }
    }
}
