using System.Buffers;
using System.Text.Json;
using Rosetta.Schema;

namespace Rosetta.Storage.Sqlite;

/// <summary>
/// Reads a store's rows back as the records the engine wrote (one NDJSON line each: the standard names typed as
/// they were, <c>rosetta</c> with the source and event, <c>vendor</c>), so that what runs on records (detection)
/// runs on a store alike.
/// </summary>
public static class StoredRecordReader
{
    private const int BatchBytes = 256 * 1024;

    /// <summary>Every stored record in insertion order, in batches of NDJSON lines handed to <paramref name="batch"/>.</summary>
    /// <param name="store">The read-only store.</param>
    /// <param name="types">Standard names and their types (booleans are stored as 1/0 and read back as true/false).</param>
    /// <param name="batch">Receives each batch; the span is only valid during the call.</param>
    public static long Read(StoreReader store, IReadOnlyList<StandardName> types, Action<ReadOnlySpan<byte>> batch)
    {
        var typeOf = types.ToDictionary(t => t.Name, t => t.Type, StringComparer.Ordinal);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM events ORDER BY id";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var buffer = new ArrayBufferWriter<byte>(BatchBytes * 2);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var rows = 0L;
        while (reader.Read())
        {
            rows++;
            json.Reset();
            json.WriteStartObject();
            string? source = null, eventName = null, table = null, diagnostics = null, envelope = null, vendor = null;
            for (var i = 0; i < columns.Length; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                switch (columns[i])
                {
                    case "id" or "event_key" or "ingest_id":
                        break;
                    case "rosetta_source":
                        source = reader.GetString(i);
                        break;
                    case "rosetta_event":
                        eventName = reader.GetString(i);
                        break;
                    case "rosetta_table":
                        table = reader.GetString(i);
                        break;
                    case "rosetta_diagnostics":
                        diagnostics = reader.GetString(i);
                        break;
                    case "rosetta_envelope":
                        envelope = reader.GetString(i);
                        break;
                    case "vendor":
                        vendor = reader.GetString(i);
                        break;
                    default:
                        WriteValue(json, columns[i], reader.GetValue(i), typeOf.GetValueOrDefault(columns[i], FieldType.String));
                        break;
                }
            }

            json.WriteStartObject("rosetta");
            json.WriteString("source", source);
            json.WriteString("event", eventName);
            if (table is not null)
            {
                json.WriteString("table", table);
            }

            if (diagnostics is not null)
            {
                json.WritePropertyName("diagnostics");
                json.WriteRawValue(diagnostics, skipInputValidation: true);
            }

            if (envelope is not null)
            {
                json.WritePropertyName("envelope");
                json.WriteRawValue(envelope, skipInputValidation: true);
            }

            json.WriteEndObject();
            if (vendor is not null)
            {
                json.WritePropertyName("vendor");
                json.WriteRawValue(vendor, skipInputValidation: true);
            }

            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= BatchBytes)
            {
                batch(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        if (buffer.WrittenCount > 0)
        {
            batch(buffer.WrittenSpan);
        }

        return rows;
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object value, FieldType type)
    {
        switch (value)
        {
            case long whole when type == FieldType.Boolean:
                json.WriteBoolean(name, whole != 0);
                break;
            case long whole:
                json.WriteNumber(name, whole);
                break;
            case double real:
                json.WriteNumber(name, real);
                break;
            case string text when type == FieldType.Json:
                json.WritePropertyName(name);
                json.WriteRawValue(text, skipInputValidation: true);
                break;
            default:
                json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
