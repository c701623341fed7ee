using Rosetta.Diagnostics;
using Rosetta.Schema;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Dictionaries.Overlays;

/// <summary>Reads a Rosetta overlay (<c>*.rosetta.yml</c>); an unknown key or a wrong shape is an error with its line.</summary>
public static class OverlayReader
{
    /// <summary>The file name ending that marks an overlay.</summary>
    public const string Suffix = ".rosetta.yml";

    private static readonly HashSet<string> TopKeys = new(StringComparer.Ordinal)
    {
        "id", "extends", "fields_under", "ignore", "null_values", "source", "recognize", "standard_names", "types", "aliases", "fields", "values", "orientation", "constants",
    };

    /// <summary>Reads the overlay in <paramref name="text"/>; diagnostics name <paramref name="path"/>.</summary>
    public static Overlay Read(string path, string text)
    {
        var bag = new DiagnosticBag(path);
        var root = YamlText.Parse(text, out var errorLine, out var error) as YamlMappingNode;
        if (error is not null)
        {
            bag.Error("RO001", errorLine, $"not valid YAML: {error}");
        }
        else if (root is null)
        {
            bag.Error("RO001", 1, "an overlay must be a YAML mapping");
        }

        if (root is null)
        {
            return new Overlay { Path = path, Id = Path.GetFileName(path), Extends = [], Diagnostics = bag.Items };
        }

        var reader = new Reader(bag);
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!TopKeys.Contains(name))
            {
                bag.Error("RO002", Line(key), $"unknown key '{name}' (known: {string.Join(", ", TopKeys)})");
            }
        }

        var id = reader.Scalar(root, "id", required: true);
        var extends = reader.Names(root, "extends");
        if (extends.Count == 0)
        {
            bag.Error("RO003", 1, "the overlay needs 'extends': the dictionary file (or a list of them) it runs");
        }

        return new Overlay
        {
            Path = path,
            Id = id ?? Path.GetFileName(path),
            Extends = extends,
            FieldsUnder = reader.Scalar(root, "fields_under"),
            Ignore = reader.Names(root, "ignore"),
            NullValues = reader.Names(root, "null_values"),
            Source = reader.Scalar(root, "source"),
            Recognize = reader.Recognition(root),
            StandardNames = reader.ScalarMap(root, "standard_names"),
            Types = reader.ScalarMap(root, "types"),
            Aliases = reader.ListMap(root, "aliases"),
            Fields = reader.Fields(root),
            Values = reader.ValueMaps(root),
            Orientation = reader.Orientation(root),
            Constants = reader.ScalarMap(root, "constants"),
            Diagnostics = bag.Items,
        };
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private sealed class Reader(DiagnosticBag bag)
    {
        public string? Scalar(YamlMappingNode map, string key, bool required = false)
        {
            var node = Child(map, key);
            if (node is null)
            {
                if (required)
                {
                    bag.Error("RO003", 1, $"the overlay needs '{key}'");
                }

                return null;
            }

            if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            {
                return value.Trim();
            }

            bag.Error("RO003", Line(node), $"'{key}' must be a single value");
            return null;
        }

        public Recognition Recognition(YamlMappingNode root)
        {
            if (Child(root, "recognize") is not { } node)
            {
                return new Recognition();
            }

            if (node is not YamlMappingNode map)
            {
                bag.Error("RO003", Line(node), "'recognize' must be a mapping of tables, present and absent");
                return new Recognition();
            }

            foreach (var (key, _) in map.Children)
            {
                if ((key as YamlScalarNode)?.Value is not ("tables" or "present" or "absent" or "equals"))
                {
                    bag.Error("RO002", Line(key), $"unknown key '{key}' in recognize (known: tables, present, absent, equals)");
                }
            }

            return new Recognition
            {
                Tables = List(map, "tables"),
                Present = List(map, "present"),
                Absent = List(map, "absent"),
                Equal = ListMap(map, "equals"),
                Line = Line(node),
            };
        }

        public Orientation? Orientation(YamlMappingNode root)
        {
            if (Child(root, "orientation") is not { } node)
            {
                return null;
            }

            if (node is not YamlMappingNode map)
            {
                bag.Error("RO020", Line(node), "'orientation' must be a mapping of src_is, by, cases and details");
                return null;
            }

            foreach (var (key, _) in map.Children)
            {
                if ((key as YamlScalarNode)?.Value is not ("src_is" or "by" or "cases" or "details"))
                {
                    bag.Error("RO020", Line(key), $"unknown key '{key}' in orientation (known: src_is, by, cases, details)");
                }
            }

            var srcIs = Scalar(map, "src_is");
            if (srcIs is not ("local" or "initiator"))
            {
                bag.Error("RO021", Line(node), "orientation needs 'src_is: local' (src_* is the reporting host) or 'src_is: initiator'");
                return null;
            }

            var by = List(map, "by");
            if (by.Count == 0)
            {
                bag.Error("RO021", Line(node), "orientation needs 'by': the vendor field (or fields) whose value decides the direction");
                return null;
            }

            var details = OrientationDetails(map);
            var cases = new Dictionary<string, OrientationCase>(StringComparer.Ordinal);
            foreach (var (value, row) in Entries(map, "cases"))
            {
                if (OrientationCase(value, row, details is not null) is { } parsed)
                {
                    cases[value] = parsed;
                }
            }

            return new Orientation { SourceIsLocal = srcIs == "local", By = by, Cases = cases, Details = details, Line = Line(node) };
        }

        private OrientationCase? OrientationCase(string value, YamlNode row, bool haveDetails)
        {
            string? direction;
            bool? swap = null;
            if (row is YamlMappingNode map)
            {
                direction = Scalar(map, "direction");
                if (Scalar(map, "swap") is { } text)
                {
                    swap = text == "true" ? true : text == "false" ? false : null;
                    if (swap is null)
                    {
                        bag.Error("RO022", Line(row), $"orientation case '{value}': swap must be true or false");
                    }
                }
            }
            else
            {
                direction = (row as YamlScalarNode)?.Value?.Trim();
            }

            if (direction == "details")
            {
                if (!haveDetails)
                {
                    bag.Error("RO022", Line(row), $"orientation case '{value}' defers to details, but orientation has no 'details'");
                    return null;
                }

                return new OrientationCase(NetworkDirection.Unknown, true, swap, Line(row));
            }

            if (!NetworkDirections.TryParse(direction, out var parsed) || parsed == NetworkDirection.Local)
            {
                bag.Error("RO022", Line(row), $"orientation case '{value}': '{direction}' is not inbound, outbound, listening, internal, external, unknown or details");
                return null;
            }

            return new OrientationCase(parsed, false, swap, Line(row));
        }

        private OrientationDetails? OrientationDetails(YamlMappingNode orientation)
        {
            if (Child(orientation, "details") is not { } node)
            {
                return null;
            }

            if (node is not YamlMappingNode details || Scalar(details, "field") is not { } field || Scalar(details, "member") is not { } member)
            {
                bag.Error("RO022", Line(node), "orientation details need 'field', 'member' and 'values'");
                return null;
            }

            var values = new Dictionary<string, NetworkDirection>(StringComparer.Ordinal);
            foreach (var (text, direction) in Entries(details, "values"))
            {
                var name = (direction as YamlScalarNode)?.Value?.Trim();
                if (NetworkDirections.TryParse(name, out var parsed) && parsed != NetworkDirection.Local)
                {
                    values[text] = parsed;
                }
                else
                {
                    bag.Error("RO022", Line(direction), $"orientation details: '{name}' is not inbound, outbound, listening, internal, external or unknown");
                }
            }

            return new OrientationDetails(field, member, values);
        }

        public Dictionary<string, Located<string>> ScalarMap(YamlMappingNode root, string key)
        {
            var result = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            foreach (var (name, value) in Entries(root, key))
            {
                if (value is YamlScalarNode { Value: { } text } && text.Length > 0)
                {
                    result[name] = new Located<string>(text.Trim(), Line(value));
                }
                else
                {
                    bag.Error("RO003", Line(value), $"{key}: '{name}' must map to a single value");
                }
            }

            return result;
        }

        public Dictionary<string, Located<string[]>> ListMap(YamlMappingNode root, string key)
        {
            var result = new Dictionary<string, Located<string[]>>(StringComparer.Ordinal);
            foreach (var (name, value) in Entries(root, key))
            {
                string[] items = value switch
                {
                    YamlScalarNode { Value: { } one } => [one.Trim()],
                    YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "")],
                    _ => [],
                };
                if (items.Length == 0 || items.Any(i => i.Length == 0))
                {
                    bag.Error("RO003", Line(value), $"{key}: '{name}' must map to a name or a list of names");
                    continue;
                }

                result[name] = new Located<string[]>(items, Line(value));
            }

            return result;
        }

        public Dictionary<string, IReadOnlyDictionary<string, string>> ValueMaps(YamlMappingNode root)
        {
            var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (name, value) in Entries(root, "values"))
            {
                if (value is not YamlMappingNode map)
                {
                    bag.Error("RO003", Line(value), $"values: '{name}' must map vendor values to standard values");
                    continue;
                }

                result[name] = map.Children.ToDictionary(
                    kv => (kv.Key as YamlScalarNode)?.Value ?? "",
                    kv => (kv.Value as YamlScalarNode)?.Value ?? "",
                    StringComparer.Ordinal);
            }

            return result;
        }

        public List<DictionaryField> Fields(YamlMappingNode root)
        {
            var fields = new List<DictionaryField>();
            if (Child(root, "fields") is not { } node)
            {
                return fields;
            }

            if (node is not YamlSequenceNode list)
            {
                bag.Error("RO003", Line(node), "'fields' must be a list of {standard_name, field, type}");
                return fields;
            }

            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode map)
                {
                    bag.Error("RO003", Line(item), "each entry of 'fields' must be a mapping");
                    continue;
                }

                var standard = Scalar(map, "standard_name", required: true);
                var field = Scalar(map, "field", required: true);
                if (standard is null || field is null)
                {
                    continue;
                }

                fields.Add(new DictionaryField(standard, field, Scalar(map, "type"), Scalar(map, "description"), null, Line(item)));
            }

            return fields;
        }

        public List<string> Names(YamlMappingNode map, string key) => List(map, key);

        private List<string> List(YamlMappingNode map, string key)
        {
            return Child(map, key) switch
            {
                null => [],
                YamlScalarNode { Value: { } one } => [one.Trim()],
                YamlSequenceNode seq => [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0)],
                var other => Fail(other, key),
            };
        }

        private List<string> Fail(YamlNode node, string key)
        {
            bag.Error("RO003", Line(node), $"'{key}' must be a name or a list of names");
            return [];
        }

        private IEnumerable<(string Name, YamlNode Value)> Entries(YamlMappingNode root, string key)
        {
            if (Child(root, key) is not { } node)
            {
                yield break;
            }

            if (node is not YamlMappingNode map)
            {
                bag.Error("RO003", Line(node), $"'{key}' must be a mapping");
                yield break;
            }

            foreach (var (name, value) in map.Children)
            {
                yield return ((name as YamlScalarNode)?.Value ?? "", value);
            }
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }
}
