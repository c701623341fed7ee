using Rosetta.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Dictionaries.Markdown;

/// <summary>The YAML front matter of a markdown dictionary: its scalars and the line each stands on.</summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The 1-based line of <paramref name="key"/>, or 0 when it is absent.</summary>
    public int LineOf(string key) => _lines.GetValueOrDefault(key);

    public static FrontMatter Read(string? text, int firstLine, DiagnosticBag bag)
    {
        var result = new FrontMatter();
        if (text is null)
        {
            return result;
        }

        var root = YamlText.Parse(text, out var errorLine, out var error);
        if (error is null)
        {
            if (root is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        result.Values[name] = value is YamlScalarNode { Value: { } v } ? v.Trim() : value.ToString();
                        result._lines[name] = firstLine + (int)key.Start.Line - 1;
                    }
                }
            }

            return result;
        }

        bag.Warn("RD003", firstLine + Math.Max(errorLine, 1) - 1, $"the front matter is not valid YAML ({error}): read line by line as 'key: value'");

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var key = lines[i][..colon].Trim();
                result.Values[key] = lines[i][(colon + 1)..].Trim();
                result._lines[key] = firstLine + i;
            }
        }

        return result;
    }
}
