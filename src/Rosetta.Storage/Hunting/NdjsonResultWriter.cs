using System.Text.Json;

namespace Rosetta.Storage.Hunting;

/// <summary>A hunt's rows as NDJSON: one object per row, columns as keys, numbers as numbers.</summary>
public sealed class NdjsonResultWriter(Stream stream) : IResultWriter, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private string[] _columns = [];

    /// <inheritdoc/>
    public void Start(IReadOnlyList<string> columns) => _columns = [.. columns];

    /// <inheritdoc/>
    public void Row(IReadOnlyList<object?> values)
    {
        _json.WriteStartObject();
        for (var i = 0; i < _columns.Length; i++)
        {
            _json.WritePropertyName(_columns[i]);
            switch (values[i])
            {
                case long whole:
                    _json.WriteNumberValue(whole);
                    break;
                case double real when double.IsFinite(real):
                    _json.WriteNumberValue(real);
                    break;
                case byte[] bytes:
                    _json.WriteStringValue(Convert.ToHexStringLower(bytes));
                    break;
                case null or DBNull:
                    _json.WriteNullValue();
                    break;
                case var other:
                    _json.WriteStringValue(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        stream.Write(NewLine);
    }

    /// <inheritdoc/>
    public void Finish() => stream.Flush();

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
