using YamlDotNet.RepresentationModel;

namespace Rosetta.Schema;

/// <summary>
/// The standard names Rosetta knows, each with one type: a standard name means the same thing, with the same type,
/// whatever source carries it. Read from <c>dictionaries/standard-names.yml</c>.
/// </summary>
public sealed class StandardNameCatalog
{
    private readonly Dictionary<string, StandardName> _names;
    private readonly Dictionary<string, string> _cdm;

    private StandardNameCatalog(Dictionary<string, StandardName> names, Dictionary<string, string> cdm)
    {
        _names = names;
        _cdm = cdm;
    }

    /// <summary>An empty catalog: every standard name keeps the type its dictionary gives.</summary>
    public static StandardNameCatalog Empty { get; } = new(new Dictionary<string, StandardName>(StringComparer.Ordinal), []);

    /// <summary>True when the catalog knows no names (every dictionary name is taken as written).</summary>
    public bool IsEmpty => _names.Count == 0;

    /// <summary>OSSEM Common Data Model names (<c>SrcIpAddr</c>) and the standard name each stands for (<c>src_ip</c>).</summary>
    public IReadOnlyDictionary<string, string> CdmNames => _cdm;

    /// <summary>All names, in file order.</summary>
    public IEnumerable<StandardName> Names => _names.Values;

    /// <summary>Finds a standard name.</summary>
    public StandardName? Find(string name) => _names.GetValueOrDefault(name);

    /// <summary>
    /// The standard name a dictionary cell stands for: the name itself when the catalog has it, the name an OSSEM CDM
    /// name maps to, or null (an empty cell, <c>TBD</c>, or a name the catalog does not know).
    /// </summary>
    public string? Resolve(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || written.Equals("TBD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (IsEmpty || _names.ContainsKey(written))
        {
            return written;
        }

        return _cdm.GetValueOrDefault(written);
    }

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

        var cdm = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("cdm"), out var cdmNode) && cdmNode is YamlMappingNode cdmMap)
        {
            foreach (var (key, value) in cdmMap.Children)
            {
                var target = ((YamlScalarNode)value).Value!;
                if (!names.ContainsKey(target))
                {
                    throw new InvalidDataException($"{path}:{key.Start.Line}: cdm name {key} maps to {target}, which is not in names");
                }

                cdm[((YamlScalarNode)key).Value!] = target;
            }
        }

        return new StandardNameCatalog(names, cdm);
    }
}
