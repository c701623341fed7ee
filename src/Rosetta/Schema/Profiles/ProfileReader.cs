using System.Globalization;
using Rosetta.Diagnostics;
using Rosetta.Dictionaries;
using Rosetta.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Schema.Profiles;

/// <summary>Reads an output profile file; a wrong key or shape is an error with its line, never an exception.</summary>
public static class ProfileReader
{
    private static readonly HashSet<string> TopKeys = new(StringComparer.Ordinal)
    {
        "name", "title", "reference", "identity", "unmapped", "constants", "fields",
    };

    private static readonly HashSet<string> FieldKeys = new(StringComparer.Ordinal)
    {
        "path", "side", "as", "values", "default", "absent",
    };

    /// <summary>Reads the profile in <paramref name="text"/>; diagnostics name <paramref name="path"/>.</summary>
    public static OutputProfile Read(string path, string text)
    {
        var bag = new DiagnosticBag(path);
        var fallbackName = System.IO.Path.GetFileNameWithoutExtension(path);
        var root = YamlText.Parse(text, out var errorLine, out var error) as YamlMappingNode;
        if (error is not null || root is null)
        {
            bag.Error("SC001", errorLine, error is null ? "a schema profile must be a YAML mapping" : $"not valid YAML: {error}");
            return new OutputProfile { Path = path, Name = fallbackName, Diagnostics = bag.Items };
        }

        foreach (var (key, _) in root.Children)
        {
            if (!TopKeys.Contains(Text(key) ?? ""))
            {
                bag.Error("SC002", Line(key), $"unknown key '{key}' (known: {string.Join(", ", TopKeys)})");
            }
        }

        var identity = Text(Child(root, "identity")) == "true";
        var unmapped = Text(Child(root, "unmapped"));
        var constants = Constants(root, bag);
        var fields = Fields(root, bag);
        if (!identity && fields.Count == 0)
        {
            bag.Error("SC003", 1, "the profile maps no fields (and is not 'identity: true')");
        }

        if (unmapped?.Contains('.', StringComparison.Ordinal) == true)
        {
            bag.Error("SC003", Line(Child(root, "unmapped")!), "'unmapped' must be a top-level name");
        }

        CheckPaths(fields, constants, unmapped, bag);
        return new OutputProfile
        {
            Path = path,
            Name = Text(Child(root, "name")) ?? fallbackName,
            Title = Text(Child(root, "title")) ?? "",
            Reference = Text(Child(root, "reference")),
            Identity = identity,
            Unmapped = unmapped,
            Constants = constants,
            Fields = fields,
            Diagnostics = bag.Items,
        };
    }

    private static List<ProfileConstant> Constants(YamlMappingNode root, DiagnosticBag bag)
    {
        var constants = new List<ProfileConstant>();
        if (Mapping(root, "constants", "map target paths to values", bag) is not { } map)
        {
            return constants;
        }

        foreach (var (key, value) in map.Children)
        {
            if (Json(value) is { } json)
            {
                constants.Add(new ProfileConstant(Text(key) ?? "", json, Line(key)));
            }
            else
            {
                bag.Error("SC003", Line(value), $"constant '{key}' must be a single value");
            }
        }

        return constants;
    }

    private static List<ProfileField> Fields(YamlMappingNode root, DiagnosticBag bag)
    {
        var fields = new List<ProfileField>();
        if (Mapping(root, "fields", "map standard names to target paths", bag) is not { } map)
        {
            return fields;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = Text(key) ?? "";
            IEnumerable<YamlNode> targets = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var target in targets)
            {
                if (Field(name, target, bag) is { } field)
                {
                    fields.Add(field);
                }
            }
        }

        return fields;
    }

    private static ProfileField? Field(string name, YamlNode target, DiagnosticBag bag)
    {
        if (target is YamlScalarNode && Text(target) is { } path)
        {
            return new ProfileField { StandardName = name, Path = path, Line = Line(target) };
        }

        if (target is not YamlMappingNode map)
        {
            bag.Error("SC004", Line(target), $"{name}: a target is a path or a mapping of {string.Join(", ", FieldKeys)}");
            return null;
        }

        foreach (var (key, _) in map.Children)
        {
            if (!FieldKeys.Contains(Text(key) ?? ""))
            {
                bag.Error("SC004", Line(key), $"{name}: unknown key '{key}' (known: {string.Join(", ", FieldKeys)})");
            }
        }

        string? srcPath = Text(Child(map, "path")), dstPath = null;
        if (Child(map, "side") is YamlMappingNode side)
        {
            srcPath = Text(Child(side, "src"));
            dstPath = Text(Child(side, "dst"));
            if (srcPath is null || dstPath is null)
            {
                bag.Error("SC004", Line(side), $"{name}: 'side' needs both 'src' and 'dst' paths");
                return null;
            }
        }

        if (srcPath is null)
        {
            bag.Error("SC004", Line(map), $"{name}: the target needs a 'path' (or a 'side' with src and dst paths)");
            return null;
        }

        var conversion = Text(Child(map, "as")) switch
        {
            null => ProfileConversion.Same,
            "string" => ProfileConversion.String,
            "epoch_ms" => ProfileConversion.EpochMilliseconds,
            var other => Unknown(other),
        };

        ProfileConversion Unknown(string other)
        {
            bag.Error("SC004", Line(map), $"{name}: 'as: {other}' is not a conversion (known: string, epoch_ms)");
            return ProfileConversion.Same;
        }

        Dictionary<string, string>? values = null;
        if (Child(map, "values") is YamlMappingNode valueMap)
        {
            values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (from, to) in valueMap.Children)
            {
                values[Text(from) ?? ""] = Json(to) ?? "null";
            }
        }

        return new ProfileField
        {
            StandardName = name,
            Path = srcPath,
            DstPath = dstPath,
            As = conversion,
            Values = values,
            Default = Child(map, "default") is { } d ? Json(d) : null,
            Absent = Child(map, "absent") is { } a ? Json(a) : null,
            Line = Line(map),
        };
    }

    /// <summary>Every target path once; no path both a value and an object; no dotted name under the unmapped object.</summary>
    private static void CheckPaths(List<ProfileField> fields, List<ProfileConstant> constants, string? unmapped, DiagnosticBag bag)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = fields.SelectMany(f => f.Targets.Select(path => (path, f.Line)))
            .Concat(constants.Select(c => (c.Path, c.Line)));
        foreach (var (path, line) in targets)
        {
            if (!seen.TryAdd(path, line))
            {
                bag.Error("SC005", line, $"target '{path}' is written twice (first at line {seen[path]})");
            }
        }

        foreach (var path in seen.Keys)
        {
            var parent = path.LastIndexOf('.');
            while (parent > 0 && !seen.ContainsKey(path[..parent]))
            {
                parent = path.LastIndexOf('.', parent - 1);
            }

            if (parent > 0)
            {
                bag.Error("SC005", seen[path], $"target '{path}' is inside '{path[..parent]}', which is a value");
            }
            else if (path.Split('.').Any(p => p.Length == 0))
            {
                bag.Error("SC005", seen[path], $"target '{path}' has an empty part");
            }
        }

        if (unmapped is not null && seen.Keys.Any(p => p == unmapped || p.StartsWith(unmapped + ".", StringComparison.Ordinal)))
        {
            bag.Error("SC005", 1, $"'{unmapped}' is the unmapped object; no field may target it");
        }
    }

    /// <summary>A YAML scalar as JSON: plain true/false/null and numbers keep their type; anything quoted is a string.</summary>
    private static string? Json(YamlNode node)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            return null;
        }

        var text = scalar.Value;
        if (scalar.Style == ScalarStyle.Plain)
        {
            if (text is "true" or "false" or "null")
            {
                return text;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number.ToString(CultureInfo.InvariantCulture);
            }
        }

        return EngineJson.Quote(text);
    }

    /// <summary>The mapping under <paramref name="key"/>; null when there is none, or an error when it is not a mapping.</summary>
    private static YamlMappingNode? Mapping(YamlMappingNode root, string key, string what, DiagnosticBag bag)
    {
        var node = Child(root, key);
        if (node is null or YamlMappingNode)
        {
            return node as YamlMappingNode;
        }

        bag.Error("SC003", Line(node), $"'{key}' must {what}");
        return null;
    }

    private static string? Text(YamlNode? node) => node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0 ? value.Trim() : null;

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
