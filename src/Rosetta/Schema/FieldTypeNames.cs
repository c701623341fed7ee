namespace Rosetta.Schema;

/// <summary>Reads the type names OSSEM authors actually write ("int", "INTEGER", "UnicodeString", "date_time" ...).</summary>
public static class FieldTypeNames
{
    private static readonly Dictionary<string, FieldType> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = FieldType.String, ["text"] = FieldType.String, ["unicodestring"] = FieldType.String,
        ["ansistring"] = FieldType.String, ["keyword"] = FieldType.String, ["guid"] = FieldType.String,
        ["sid"] = FieldType.String, ["hex"] = FieldType.String, ["binary string"] = FieldType.String,
        ["varchar"] = FieldType.String, ["str"] = FieldType.String, ["hexint32"] = FieldType.String,
        ["hexint64"] = FieldType.String,
        ["int"] = FieldType.Integer, ["integer"] = FieldType.Integer, ["long"] = FieldType.Integer,
        ["bigint"] = FieldType.Integer, ["uint8"] = FieldType.Integer, ["uint16"] = FieldType.Integer,
        ["uint32"] = FieldType.Integer, ["uint64"] = FieldType.Integer, ["int8"] = FieldType.Integer,
        ["int16"] = FieldType.Integer, ["int32"] = FieldType.Integer, ["int64"] = FieldType.Integer,
        ["count"] = FieldType.Integer, ["number"] = FieldType.Integer,
        ["port"] = FieldType.Port, ["protocol"] = FieldType.Protocol,
        ["float"] = FieldType.Float, ["double"] = FieldType.Float, ["real"] = FieldType.Float,
        ["decimal"] = FieldType.Float, ["interval"] = FieldType.Float,
        ["bool"] = FieldType.Boolean, ["boolean"] = FieldType.Boolean,
        ["ip"] = FieldType.Ip, ["addr"] = FieldType.Ip, ["ipaddress"] = FieldType.Ip, ["ip_address"] = FieldType.Ip,
        ["date"] = FieldType.Date, ["datetime"] = FieldType.Date, ["date_time"] = FieldType.Date,
        ["timestamp"] = FieldType.Date, ["time"] = FieldType.Date, ["filetime"] = FieldType.Date,
        ["systemtime"] = FieldType.Date,
        ["json"] = FieldType.Json, ["object"] = FieldType.Json, ["json_object"] = FieldType.Json,
        ["dynamic"] = FieldType.Json, ["array"] = FieldType.Json, ["list"] = FieldType.Json,
        ["array_string"] = FieldType.Json, ["array_ip"] = FieldType.Json, ["array_float"] = FieldType.Json,
        ["set"] = FieldType.Json, ["vector"] = FieldType.Json,
    };

    /// <summary>Finds the type an author meant; false for empty or unknown names.</summary>
    public static bool TryParse(string? name, out FieldType type)
    {
        type = FieldType.String;
        return !string.IsNullOrWhiteSpace(name) && Known.TryGetValue(name.Trim(), out type);
    }

    /// <summary>The name Rosetta writes for a type (<c>port</c>, <c>ip</c> ...).</summary>
    public static string Name(FieldType type) => type.ToString().ToLowerInvariant();

    /// <summary>True when the text names a type, used to tell a Type cell from a description that slid into it.</summary>
    public static bool IsTypeName(string? name) => TryParse(name, out _);
}
