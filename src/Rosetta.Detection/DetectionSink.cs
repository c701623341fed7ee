using System.Text.Json;
using Rosetta.Detection.Fields;
using Rosetta.Sinks;

namespace Rosetta.Detection;

/// <summary>
/// Takes normalized records (NDJSON lines, from the engine or a store) and writes one NDJSON line per rule a record
/// matches: the rule's id, title, level and tags, the record's source, and the record itself.
/// </summary>
public sealed class DetectionSink : IRecordSink
{
    private readonly RuleSet _rules;
    private readonly EventView _view;
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes matches of <paramref name="rules"/> to <paramref name="stream"/>.</summary>
    public DetectionSink(RuleSet rules, Stream stream, bool ownsStream = true)
    {
        _rules = rules;
        _view = rules.CreateView();
        _stream = stream;
        _ownsStream = ownsStream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Records seen.</summary>
    public long Records { get; private set; }

    /// <summary>Matches written.</summary>
    public long Matches { get; private set; }

    /// <summary>Matches per rule id.</summary>
    public Dictionary<string, long> MatchesByRule { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> ndjson)
    {
        foreach (var line in new NdjsonLines(ndjson))
        {
            Detect(line);
        }
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

    private void Detect(ReadOnlySpan<byte> line)
    {
        Records++;
        _view.Load(line);
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
