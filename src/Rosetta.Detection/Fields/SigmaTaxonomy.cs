using YamlDotNet.RepresentationModel;

namespace Rosetta.Detection.Fields;

/// <summary>
/// Sigma's log source categories as Rosetta serves them, read from the data files of <c>sigma/</c>: for each
/// category the sources whose records belong to it and where each Sigma field's value comes from; for each product
/// the sources whose events come from such hosts.
/// </summary>
public sealed class SigmaTaxonomy
{
    /// <summary>The file that lists products; every other <c>*.yml</c> is a category.</summary>
    public const string ProductsFile = "products.yml";

    /// <summary>Categories by name.</summary>
    public required IReadOnlyDictionary<string, SigmaCategory> Categories { get; init; }

    /// <summary>Products (windows, linux ...) and the sources whose events come from them.</summary>
    public required IReadOnlyDictionary<string, IReadOnlySet<string>> Products { get; init; }

    /// <summary>Reads the data files of <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">A file is not in the documented shape (it ships with Rosetta, or the user wrote it): the message says where.</exception>
    public static SigmaTaxonomy Load(string folder)
    {
        var categories = new Dictionary<string, SigmaCategory>(StringComparer.OrdinalIgnoreCase);
        var products = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var root = LoadMapping(file);
            if (Path.GetFileName(file) == ProductsFile)
            {
                foreach (var (key, value) in Mapping(root, "products", file).Children)
                {
                    products[Text(key, file)] = Strings(value, file).ToHashSet(StringComparer.Ordinal);
                }

                continue;
            }

            var name = Text(root.Children[new YamlScalarNode("category")], file);
            var sources = Strings(root.Children[new YamlScalarNode("sources")], file);
            var fields = new Dictionary<string, FieldSource>(StringComparer.Ordinal);
            foreach (var (key, value) in Mapping(root, "fields", file).Children)
            {
                fields[Text(key, file)] = Source(value, file);
            }

            categories[name] = new SigmaCategory(name, sources, fields);
        }

        return new SigmaTaxonomy { Categories = categories, Products = products };
    }

    private static FieldSource Source(YamlNode node, string file) => node switch
    {
        YamlScalarNode scalar => new FieldSource.Name(Text(scalar, file)),
        YamlSequenceNode list => new FieldSource.FirstOf([.. list.Children.Select(c => Source(c, file))]),
        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("format"), out var format) => new FieldSource.Format(Text(format, file)),
        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("join"), out var separator)
            => new FieldSource.Join(Text(separator, file), [.. Strings(map.Children[new YamlScalarNode("parts")], file).Select(p => new FieldSource.Format(p))]),
        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("equals"), out var equals) && equals is YamlMappingNode pair && pair.Children.Count == 1
            => new FieldSource.EqualsValue(Text(pair.Children.First().Key, file), Text(pair.Children.First().Value, file)),
        _ => throw new InvalidDataException($"{file}:{node.Start.Line}: a field maps to a standard name, a list, format, join + parts, or equals"),
    };

    private static YamlMappingNode LoadMapping(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidDataException($"{file}: expected a mapping");
    }

    private static YamlMappingNode Mapping(YamlMappingNode root, string key, string file) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode map
            ? map
            : throw new InvalidDataException($"{file}: expected '{key}:' with a mapping");

    private static List<string> Strings(YamlNode node, string file) => node is YamlSequenceNode list
        ? [.. list.Children.Select(c => Text(c, file))]
        : throw new InvalidDataException($"{file}:{node.Start.Line}: expected a list");

    private static string Text(YamlNode node, string file) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw new InvalidDataException($"{file}:{node.Start.Line}: expected a single value");
}
