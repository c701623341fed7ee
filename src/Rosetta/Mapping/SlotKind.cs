namespace Rosetta.Mapping;

/// <summary>What a record holds at a path: the JSON token kinds, plus plain text from CSV and XML.</summary>
internal enum SlotKind : byte
{
    /// <summary>The path is not in the record.</summary>
    Missing,

    /// <summary>JSON null (or an empty CSV cell).</summary>
    Null,

    /// <summary>A JSON string; the span is its content between the quotes, escapes included.</summary>
    String,

    /// <summary>Plain UTF-8 text that still needs escaping to be JSON (CSV, XML).</summary>
    Text,

    /// <summary>A JSON number, as written.</summary>
    Number,

    /// <summary>JSON true.</summary>
    True,

    /// <summary>JSON false.</summary>
    False,

    /// <summary>A JSON object, as written.</summary>
    Object,

    /// <summary>A JSON array, as written.</summary>
    Array,
}
