using Rosetta.Diagnostics;
using Rosetta.Dictionaries;
using Rosetta.Dictionaries.Overlays;
using Rosetta.Schema;

namespace Rosetta.Mapping;

/// <summary>Compiles every overlay of a catalog, with the dictionary it extends, into a <see cref="MappingPlan"/>.</summary>
public static class PlanCompiler
{
    /// <summary>Compiles the runnable sources; what cannot compile is an error diagnostic, never an exception.</summary>
    public static (IReadOnlyList<MappingPlan> Plans, IReadOnlyList<Diagnostic> Diagnostics) Compile(
        DictionaryCatalog catalog, StandardNameCatalog names)
    {
        var plans = new List<MappingPlan>();
        var diagnostics = new List<Diagnostic>();
        foreach (var overlay in catalog.Overlays)
        {
            var dictionaries = catalog.DictionariesOf(overlay);
            if (dictionaries.Count == 0 || overlay.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                continue;
            }

            var bag = new DiagnosticBag(overlay.Path);
            var plan = Compile(dictionaries, overlay, names, bag);
            diagnostics.AddRange(bag.Items);
            if (!bag.Items.Any(d => d.Severity == Severity.Error))
            {
                plans.Add(plan);
            }
        }

        return (plans, diagnostics);
    }

    private static MappingPlan Compile(IReadOnlyList<DataDictionary> dictionaries, Overlay overlay, StandardNameCatalog names, DiagnosticBag bag)
    {
        var dictionary = dictionaries[0];
        var known = dictionaries.SelectMany(d => d.Fields).Select(f => f.FieldName).Concat(overlay.Fields.Select(f => f.FieldName)).ToHashSet(StringComparer.Ordinal);
        CheckNamesExist(overlay.StandardNames.ToDictionary(kv => kv.Key, kv => kv.Value.Line), "standard_names", known, bag);
        CheckNamesExist(overlay.Types.ToDictionary(kv => kv.Key, kv => kv.Value.Line), "types", known, bag);
        CheckNamesExist(overlay.Aliases.ToDictionary(kv => kv.Key, kv => kv.Value.Line), "aliases", known, bag);
        CheckNamesExist(overlay.Ignore.Distinct().ToDictionary(name => name, _ => 0), "ignore", known, bag);

        var fields = new List<FieldMapping>();
        var byStandardName = new Dictionary<string, string>(StringComparer.Ordinal);
        var mappedFields = new HashSet<string>(StringComparer.Ordinal);
        var ignored = overlay.Ignore.ToHashSet(StringComparer.Ordinal);
        var overridden = overlay.Fields.Select(f => (f.FieldName, f.StandardName)).ToHashSet();
        var rows = dictionaries.SelectMany((d, index) => d.Fields
                .Where(f => !overridden.Contains((f.FieldName, f.StandardName)) && !ignored.Contains(f.FieldName))
                .Select(f => (Field: f, File: d.Path, Rank: index)))
            .Concat(overlay.Fields.Select(f => (Field: f, File: overlay.Path, Rank: -1)));
        foreach (var (field, file, rank) in rows)
        {
            var standardName = rank < 0 ? field.StandardName : DictionaryStandardName(field, file, overlay, names, bag);
            if (standardName is null || (rank > 0 && mappedFields.Contains(field.FieldName)))
            {
                continue;
            }

            if (byStandardName.TryGetValue(standardName, out var first))
            {
                if (rank <= 0 && first != field.FieldName)
                {
                    bag.Error("RO011", field.Line,
                        $"{field.FieldName} ({Path.GetFileName(file)}:{field.Line}) maps to {standardName}, which {first} already carries: name one of them differently in the overlay");
                }

                continue; // a later dictionary's row for a name an earlier one already carries adds nothing
            }

            byStandardName[standardName] = field.FieldName;
            mappedFields.Add(field.FieldName);
            var type = TypeOf(field, standardName, overlay, names, bag);
            var prefix = rank < 0 || overlay.FieldsUnder is null ? "" : overlay.FieldsUnder + ".";
            var paths = new List<string> { prefix + field.FieldName };
            if (overlay.Aliases.TryGetValue(field.FieldName, out var aliases))
            {
                paths.AddRange(aliases.Value.Select(alias => prefix + alias));
            }

            fields.Add(new FieldMapping(standardName, type, paths, overlay.Values.GetValueOrDefault(standardName),
                $"{Path.GetFileName(file)}:{field.Line}"));
        }

        foreach (var name in overlay.Values.Keys.Where(k => !byStandardName.ContainsKey(k)))
        {
            bag.Error("RO012", 0, $"values: {name} is not a standard name this source maps");
        }

        if (overlay.Recognize.Tables.Count == 0 && !overlay.Recognize.HasFieldConditions)
        {
            bag.Error("RO013", overlay.Recognize.Line,
                "recognize names no tables and no present fields: this source's events could not be told from any other");
        }

        return new MappingPlan
        {
            SourceId = overlay.Id,
            Dictionary = dictionary,
            Overlay = overlay,
            Recognize = overlay.Recognize,
            Fields = fields,
            Constants = Constants(overlay, names, bag),
            Names = names,
        };
    }

    /// <summary>
    /// The standard name of a dictionary row: the overlay's standard_names first, then the cell as the catalog resolves
    /// it (OSSEM CDM names included). A name the catalog does not know leaves the field unmapped, with a warning.
    /// </summary>
    private static string? DictionaryStandardName(DictionaryField field, string file, Overlay overlay, StandardNameCatalog names, DiagnosticBag bag)
    {
        if (overlay.StandardNames.TryGetValue(field.FieldName, out var named))
        {
            return named.Value;
        }

        var resolved = names.Resolve(field.StandardName);
        if (resolved is null && !string.IsNullOrWhiteSpace(field.StandardName) && !field.StandardName.Equals("TBD", StringComparison.OrdinalIgnoreCase))
        {
            bag.Warn("RO016", 0,
                $"{field.FieldName} ({Path.GetFileName(file)}:{field.Line}) has the standard name '{field.StandardName}', which standard-names.yml neither lists nor maps from OSSEM's CDM: the field stays with the vendor leftovers (name it in standard_names, or ignore it)");
        }

        return resolved;
    }

    /// <summary>Text constants only (a protocol is written as its keyword); other types are an error.</summary>
    private static Dictionary<string, string> Constants(Overlay overlay, StandardNameCatalog names, DiagnosticBag bag)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in overlay.Constants)
        {
            var type = names.Find(name)?.Type ?? FieldType.String;
            if (type == FieldType.Protocol && Converters.Protocols.Format(value.Value) is { } keyword)
            {
                constants[name] = keyword;
            }
            else if (type == FieldType.String)
            {
                constants[name] = value.Value;
            }
            else
            {
                bag.Error("RO015", value.Line, $"constants: {name} is of type {type}; a constant can only be text");
            }
        }

        return constants;
    }

    /// <summary>The overlay's type wins, then the catalog's (a standard name has one type), then the dictionary's.</summary>
    private static FieldType TypeOf(DictionaryField field, string standardName, Overlay overlay, StandardNameCatalog names, DiagnosticBag bag)
    {
        if (overlay.Types.TryGetValue(field.FieldName, out var fix))
        {
            if (FieldTypeNames.TryParse(fix.Value, out var fixedType))
            {
                return fixedType;
            }

            bag.Error("RO014", fix.Line, $"types: '{fix.Value}' is not a type Rosetta knows");
        }

        if (names.Find(standardName) is { } standard)
        {
            return standard.Type;
        }

        return FieldTypeNames.TryParse(field.Type, out var type) ? type : FieldType.String;
    }

    private static void CheckNamesExist(Dictionary<string, int> entries, string key, HashSet<string> known, DiagnosticBag bag)
    {
        foreach (var (name, line) in entries.Where(e => !known.Contains(e.Key)))
        {
            bag.Error("RO010", line, $"{key}: '{name}' is not a field of the dictionary it extends");
        }
    }
}
