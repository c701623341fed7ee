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
            if (catalog.DictionaryOf(overlay) is not { } dictionary || overlay.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                continue;
            }

            var bag = new DiagnosticBag(overlay.Path);
            var plan = Compile(dictionary, overlay, names, bag);
            diagnostics.AddRange(bag.Items);
            if (!bag.Items.Any(d => d.Severity == Severity.Error))
            {
                plans.Add(plan);
            }
        }

        return (plans, diagnostics);
    }

    private static MappingPlan Compile(DataDictionary dictionary, Overlay overlay, StandardNameCatalog names, DiagnosticBag bag)
    {
        var known = dictionary.Fields.Select(f => f.FieldName).Concat(overlay.Fields.Select(f => f.FieldName)).ToHashSet(StringComparer.Ordinal);
        CheckNamesExist(overlay.StandardNames.ToDictionary(kv => kv.Key, kv => kv.Value.Line), "standard_names", known, bag);
        CheckNamesExist(overlay.Types.ToDictionary(kv => kv.Key, kv => kv.Value.Line), "types", known, bag);
        CheckNamesExist(overlay.Aliases.ToDictionary(kv => kv.Key, kv => kv.Value.Line), "aliases", known, bag);

        var fields = new List<FieldMapping>();
        var byStandardName = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var overridden = overlay.Fields.Select(f => (f.FieldName, f.StandardName)).ToHashSet();
        var rows = dictionary.Fields.Where(f => !overridden.Contains((f.FieldName, f.StandardName))).Select(f => (Field: f, File: dictionary.Path))
            .Concat(overlay.Fields.Select(f => (Field: f, File: overlay.Path)));
        foreach (var (field, file) in rows)
        {
            // standard_names fills the dictionary's cells; an overlay's own field rows already say their name.
            var standardName = (file == dictionary.Path ? overlay.StandardNames.GetValueOrDefault(field.FieldName)?.Value : null) ?? field.StandardName;
            if (standardName is null || !seen.Add((field.FieldName, standardName)))
            {
                continue;
            }

            if (byStandardName.TryGetValue(standardName, out var first))
            {
                bag.Error("RO011", field.Line,
                    $"{field.FieldName} ({Path.GetFileName(file)}:{field.Line}) maps to {standardName}, which {first} already carries: name one of them differently in the overlay");
                continue;
            }

            byStandardName[standardName] = field.FieldName;
            var type = TypeOf(field, standardName, overlay, names, bag);
            var paths = new List<string> { field.FieldName };
            if (overlay.Aliases.TryGetValue(field.FieldName, out var aliases))
            {
                paths.AddRange(aliases.Value);
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
        };
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
