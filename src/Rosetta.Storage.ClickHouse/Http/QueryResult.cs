using System.Globalization;
using System.Text.Json;

namespace Rosetta.Storage.ClickHouse.Http;

/// <summary>A query's rows as ClickHouse's <c>JSONCompact</c> gives them, typed by the columns' types.</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Types">Their ClickHouse types (<c>Nullable(Int64)</c> ...).</param>
/// <param name="Rows">Each row's values: null, <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</param>
internal sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Reads a <c>JSONCompact</c> document.</summary>
    /// <exception cref="JsonException">It is not one.</exception>
    public static QueryResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var columns = new List<string>();
        var types = new List<string>();
        foreach (var column in root.GetProperty("meta").EnumerateArray())
        {
            columns.Add(column.GetProperty("name").GetString() ?? "");
            types.Add(column.GetProperty("type").GetString() ?? "");
        }

        var rows = new List<object?[]>();
        foreach (var row in root.GetProperty("data").EnumerateArray())
        {
            var values = new object?[columns.Count];
            var i = 0;
            foreach (var cell in row.EnumerateArray())
            {
                values[i] = Value(cell, types[i]);
                i++;
            }

            rows.Add(values);
        }

        return new QueryResult(columns, types, rows);
    }

    /// <summary>The first column of each row, as text (for key lists and the like).</summary>
    public IEnumerable<string> FirstColumn() => Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? "");

    private static object? Value(JsonElement cell, string type)
    {
        var inner = type.StartsWith("Nullable(", StringComparison.Ordinal) ? type[9..^1] : type;
        inner = inner.StartsWith("LowCardinality(", StringComparison.Ordinal) ? inner[15..^1] : inner;
        switch (cell.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when inner.StartsWith("Int", StringComparison.Ordinal) || inner.StartsWith("UInt", StringComparison.Ordinal):
                return cell.TryGetInt64(out var whole) ? whole : (object)cell.GetDouble();
            case JsonValueKind.Number:
                return cell.GetDouble();
            case JsonValueKind.String when inner.StartsWith("Float", StringComparison.Ordinal):
                return double.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : cell.GetString();
            case JsonValueKind.String:
                return cell.GetString();
            case JsonValueKind.True or JsonValueKind.False:
                return cell.GetBoolean() ? 1L : 0L;
            default:
                return cell.GetRawText();
        }
    }
}
