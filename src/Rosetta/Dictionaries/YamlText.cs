using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Dictionaries;

/// <summary>Parses YAML text into its first document's root node without ever throwing on the text.</summary>
internal static class YamlText
{
    /// <summary>The root node, or null with the 1-based line and reason when the text is not YAML.</summary>
    /// <remarks>YamlDotNet 16.3 throws InvalidOperationException on some malformed inputs (an unclosed '[' at the end), not only YamlException.</remarks>
    public static YamlNode? Parse(string text, out int errorLine, out string? error)
    {
        errorLine = 0;
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException e)
        {
            errorLine = (int)e.Start.Line;
            error = e.InnerException?.Message ?? e.Message;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errorLine = 1;
            error = "the YAML cannot be read (" + e.Message + ")";
        }

        return null;
    }
}
