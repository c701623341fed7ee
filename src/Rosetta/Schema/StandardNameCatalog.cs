using YamlDotNet.RepresentationModel;

namespace Rosetta.Schema;

/// <summary>
/// The standard names Rosetta knows, each with one type: a standard name means the same thing, with the same type,
/// whatever source carries it. Read from <c>dictionaries/standard-names.yml</c>.
/// </summary>
public sealed class StandardNameCatalog
{
    private readonly Dictionary<string, StandardName> _names;

    private StandardNameCatalog(Dictionary<string, StandardName> names) => _names = names;

    /// <summary>An empty catalog: every standard name keeps the type its dictionary gives.</summary>
    public static StandardNameCatalog Empty { get; } = new(new Dictionary<string, StandardName>(StringComparer.Ordinal));

    /// <summary>All names, in file order.</summary>
    public IEnumerable<StandardName> Names => _names.Values;

    /// <summary>Finds a standard name.</summary>
    public StandardName? Find(string name) => _names.GetValueOrDefault(name);

    /// <summary>Loads the catalog from a standard-names.yml file.</summary>
    /// <exception cref="InvalidDataException">The file is not a catalog; it ships with Rosetta, so this is a bug.</exception>
    public static StandardNameCatalog Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var names = new Dictionary<string, StandardName>(StringComparer.Ordinal);
        if (stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("names"), out var list) || list is not YamlMappingNode map)
        {
            throw new InvalidDataException($"{path}: expected a 'names' mapping");
        }

        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var entry = (YamlMappingNode)value;
            var typeName = ((YamlScalarNode)entry.Children[new YamlScalarNode("type")]).Value;
            if (!FieldTypeNames.TryParse(typeName, out var type))
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: unknown type '{typeName}' for {name}");
            }

            var description = entry.Children.TryGetValue(new YamlScalarNode("description"), out var d) ? ((YamlScalarNode)d).Value ?? "" : "";
            names[name] = new StandardName(name, type, description);
        }

        return new StandardNameCatalog(names);
    }
}
