using Rosetta.Diagnostics;
using Rosetta.Schema;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Dictionaries.Yaml;

/// <summary>Reads an OSSEM-DD YAML data dictionary, both generations of its keys.</summary>
public static class YamlDictionaryReader
{
    private static readonly string[] FieldKeys = ["standard_name", "standard_type", "name", "type", "description", "sample_value"];

    /// <summary>Reads the dictionary in <paramref name="text"/>; null when the file is an index (README.yml), not a dictionary.</summary>
    public static DataDictionary? Read(string path, string text)
    {
        var bag = new DiagnosticBag(path);
        var node = YamlText.Parse(text, out var errorLine, out var error);
        if (error is not null)
        {
            bag.Error("RD201", errorLine, $"not valid YAML: {error}");
            return Broken(path, bag);
        }

        var root = node as YamlMappingNode;

        if (root is null)
        {
            bag.Error("RD202", 1, "the file is not a YAML mapping: no dictionary in it");
            return Broken(path, bag);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
            {
                metadata[k] = v.Trim();
            }
        }

        var fieldsNode = Child(root, "event_fields");
        if (fieldsNode is null)
        {
            if (Path.GetFileName(path).Equals("README.yml", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            bag.Error("RD202", 1, "no event_fields list: nothing to map");
        }

        var fields = ReadFields(fieldsNode, bag);
        var samples = ReadSamples(Child(root, "event_sample"));

        var eventCode = metadata.GetValueOrDefault("event_code") ?? metadata.GetValueOrDefault("event_id");
        var title = metadata.GetValueOrDefault("title") ?? metadata.GetValueOrDefault("name");
        var logSource = metadata.GetValueOrDefault("log_source");
        return new DataDictionary
        {
            Path = path,
            Format = DictionaryFormat.Yaml,
            Title = title,
            Description = metadata.GetValueOrDefault("description"),
            LogSource = logSource,
            EventName = eventCode is null ? title : $"{logSource} {eventCode}".Trim(),
            Metadata = metadata,
            Fields = fields,
            Samples = samples,
            Diagnostics = bag.Items,
        };
    }

    private static List<DictionaryField> ReadFields(YamlNode? node, DiagnosticBag bag)
    {
        var fields = new List<DictionaryField>();
        if (node is null)
        {
            return fields;
        }

        if (node is not YamlSequenceNode list)
        {
            bag.Error("RD202", Line(node), "event_fields is not a list: nothing to map");
            return fields;
        }

        foreach (var item in list.Children)
        {
            var line = Line(item);
            if (item is not YamlMappingNode map)
            {
                bag.Warn("RD204", line, "an event_fields entry is not a mapping: skipped");
                continue;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                var text = value is YamlScalarNode s ? s.Value?.Trim() : value.ToString();
                var known = FieldKeys.FirstOrDefault(k => k == name) ?? FieldKeys.FirstOrDefault(k => Typo.IsNear(k, name));
                if (known is null)
                {
                    bag.Warn("RD203", Line(key), $"unknown field key '{name}': ignored");
                }
                else if (known != name)
                {
                    bag.Warn("RD203", Line(key), $"unknown field key '{name}', read as '{known}'");
                }

                if (known is not null)
                {
                    values[known] = string.IsNullOrEmpty(text) ? null : text;
                }
            }

            var fieldName = values.GetValueOrDefault("name");
            if (fieldName is null)
            {
                bag.Warn("RD204", line, "an event_fields entry has no name: skipped");
                continue;
            }

            var type = values.GetValueOrDefault("type");
            if (type is null)
            {
                bag.Warn("RD107", line, $"{fieldName} has no type: read as string");
            }
            else if (!FieldTypeNames.IsTypeName(type))
            {
                bag.Warn("RD107", line, $"{fieldName} has the unknown type '{Shorten(type)}': read as string");
            }

            fields.Add(new DictionaryField(values.GetValueOrDefault("standard_name"), fieldName, type,
                values.GetValueOrDefault("description"), values.GetValueOrDefault("sample_value"), line));
        }

        return fields;
    }

    /// <summary><c>event_sample</c> is a text, or a list of <c>{format, sample}</c> (friendly view, XML, JSON).</summary>
    private static List<EventSample> ReadSamples(YamlNode? node)
    {
        var samples = new List<EventSample>();
        IEnumerable<YamlNode> items = node switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode list => list.Children.Select(c => c is YamlMappingNode m ? Child(m, "sample") : c).OfType<YamlNode>(),
            _ => [],
        };
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                var start = text.TrimStart();
                samples.Add(new EventSample(text, start.StartsWith('{') || start.StartsWith('['), (int)item.Start.Line + 1));
            }
        }

        return samples;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static DataDictionary Broken(string path, DiagnosticBag bag) =>
        new() { Path = path, Format = DictionaryFormat.Yaml, Diagnostics = bag.Items };
}
