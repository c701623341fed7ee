using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rosetta.Json;

/// <summary>
/// The engine's few uses of JsonSerializer, through generated code rather than reflection, so that a Native AOT
/// publish works (and writes byte for byte what the reflection serializer wrote).
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class EngineJson : JsonSerializerContext
{
    private static readonly EngineJson IndentedContext = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>A string as a JSON string literal, quotes included.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Default.String);

    /// <summary>A JSON value, indented, non-ASCII text as it is (for documentation pages).</summary>
    public static string Indented(JsonElement value) => JsonSerializer.Serialize(value, IndentedContext.JsonElement);
}
