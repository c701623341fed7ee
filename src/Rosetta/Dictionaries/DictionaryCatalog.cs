using Rosetta.Diagnostics;
using Rosetta.Dictionaries.Markdown;
using Rosetta.Dictionaries.Overlays;
using Rosetta.Dictionaries.Yaml;

namespace Rosetta.Dictionaries;

/// <summary>Every dictionary and overlay found under some files and folders, each paired with what it extends.</summary>
public sealed class DictionaryCatalog
{
    private readonly Dictionary<Overlay, DataDictionary[]> _extended = [];

    private DictionaryCatalog()
    {
    }

    /// <summary>The OSSEM dictionaries, in path order.</summary>
    public IReadOnlyList<DataDictionary> Dictionaries { get; private set; } = [];

    /// <summary>The Rosetta overlays, in path order.</summary>
    public IReadOnlyList<Overlay> Overlays { get; private set; } = [];

    /// <summary>Problems of the catalog as a whole (an overlay whose dictionary is missing, an unreadable file).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Every diagnostic: the catalog's, the dictionaries' and the overlays'.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics =>
        Diagnostics.Concat(Dictionaries.SelectMany(d => d.Diagnostics)).Concat(Overlays.SelectMany(o => o.Diagnostics));

    /// <summary>The dictionary an overlay extends first (the source's own), or null when one of its dictionaries is missing.</summary>
    public DataDictionary? DictionaryOf(Overlay overlay) => _extended.GetValueOrDefault(overlay)?[0];

    /// <summary>Every dictionary an overlay extends, in its order; empty when one is missing.</summary>
    public IReadOnlyList<DataDictionary> DictionariesOf(Overlay overlay) => _extended.GetValueOrDefault(overlay) ?? [];

    /// <summary>The first overlay that extends a dictionary, or null.</summary>
    public Overlay? OverlayOf(DataDictionary dictionary) =>
        _extended.FirstOrDefault(kv => kv.Value.Any(d => ReferenceEquals(d, dictionary))).Key;

    /// <summary>Loads every dictionary and overlay under the given files and folders; never throws on their content.</summary>
    public static DictionaryCatalog Load(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsCandidate));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                problems.Add(new Diagnostic(Severity.Error, "RC001", path, 0, "no such file or folder"));
            }
        }

        files.Sort(StringComparer.Ordinal);
        var dictionaries = new List<DataDictionary>();
        var overlays = new List<Overlay>();
        foreach (var file in files.Distinct())
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException e)
            {
                problems.Add(new Diagnostic(Severity.Error, "RC002", file, 0, $"cannot read: {e.Message}"));
                continue;
            }

            if (file.EndsWith(OverlayReader.Suffix, StringComparison.OrdinalIgnoreCase))
            {
                overlays.Add(OverlayReader.Read(file, text));
            }
            else if (IsYaml(file))
            {
                if (YamlDictionaryReader.Read(file, text) is { } dictionary)
                {
                    dictionaries.Add(dictionary);
                }
            }
            else
            {
                dictionaries.Add(MarkdownDictionaryReader.Read(file, text));
            }
        }

        var catalog = new DictionaryCatalog { Dictionaries = dictionaries, Overlays = overlays };
        foreach (var overlay in overlays.Where(o => o.Extends.Count > 0))
        {
            var extended = new List<DataDictionary>();
            foreach (var name in overlay.Extends)
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(overlay.Path) ?? ".", name));
                if (dictionaries.FirstOrDefault(d => Path.GetFullPath(d.Path) == target) is { } dictionary)
                {
                    extended.Add(dictionary);
                    continue;
                }

                problems.Add(new Diagnostic(Severity.Error, "RC003", overlay.Path, 0,
                    $"extends '{name}', which is not a dictionary beside it: the source '{overlay.Id}' cannot run"));
            }

            if (extended.Count == overlay.Extends.Count)
            {
                catalog._extended[overlay] = [.. extended];
            }
        }

        foreach (var clash in overlays.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new Diagnostic(Severity.Error, "RC004", clash.Last().Path, 0,
                $"the source id '{clash.Key}' is also used by {clash.First().Path}: ids must be unique"));
        }

        catalog.Diagnostics = problems;
        return catalog;
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Dictionary-like files in a folder: markdown, text and YAML, but not the folders' README indexes.</summary>
    private static bool IsCandidate(string file)
    {
        var name = Path.GetFileName(file);
        if (name.StartsWith('.') || name.Equals("README.md", StringComparison.OrdinalIgnoreCase)
            || name.Equals(StandardNameFile, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension is ".md" or ".markdown" or ".txt" or ".yml" or ".yaml";
    }

    /// <summary>The standard-name catalog's file name, which lives in a dictionaries folder but is no dictionary.</summary>
    public const string StandardNameFile = "standard-names.yml";
}
