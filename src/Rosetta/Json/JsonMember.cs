using System.Text.Json;

namespace Rosetta.Json;

/// <summary>Finds one top-level member of a small JSON object without building a document.</summary>
internal static class JsonMember
{
    /// <summary>
    /// The unescaped text of the string member <paramref name="name"/> of the object <paramref name="json"/>,
    /// copied into <paramref name="scratch"/>; false when it is missing, not a string, too long, or the JSON is bad.
    /// </summary>
    public static bool TryGetString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, Span<byte> scratch, out int length)
    {
        length = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (!match)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > scratch.Length)
                {
                    return false;
                }

                length = reader.CopyString(scratch);
                return true;
            }
        }
        catch (JsonException)
        {
            // A detail that is not JSON is a detail that is not there.
        }

        return false;
    }
}
