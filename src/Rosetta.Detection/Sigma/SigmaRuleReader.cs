using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Detection.Sigma;

/// <summary>Reads Sigma rule files (YAML, one rule per document); what cannot be read is a problem, never an exception.</summary>
public static class SigmaRuleReader
{
    /// <summary>Every rule of <paramref name="paths"/> (files, or folders searched for *.yml and *.yaml).</summary>
    public static (List<SigmaRule> Rules, List<RuleProblem> Problems) Read(IEnumerable<string> paths)
    {
        var rules = new List<SigmaRule>();
        var problems = new List<RuleProblem>();
        foreach (var file in Files(paths, problems))
        {
            ReadFile(file, rules, problems);
        }

        return (rules, problems);
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths, List<RuleProblem> problems)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                problems.Add(new RuleProblem(path, path, "no such file or folder"));
            }
        }
    }

    private static void ReadFile(string file, List<SigmaRule> rules, List<RuleProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            problems.Add(new RuleProblem($"{file}:{e.Start.Line}", Path.GetFileName(file), $"bad YAML: {e.Message}"));
            return;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections.
            problems.Add(new RuleProblem(file, Path.GetFileName(file), $"bad YAML: {e.Message}"));
            return;
        }
        catch (IOException e)
        {
            problems.Add(new RuleProblem(file, Path.GetFileName(file), $"cannot read: {e.Message}"));
            return;
        }

        foreach (var document in stream.Documents)
        {
            var origin = $"{file}:{document.RootNode.Start.Line}";
            if (document.RootNode is not YamlMappingNode root)
            {
                problems.Add(new RuleProblem(origin, Path.GetFileName(file), "a rule is a YAML mapping"));
                continue;
            }

            if (Read(root, origin, out var problem) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                problems.Add(problem!);
            }
        }
    }

    private static SigmaRule? Read(YamlMappingNode root, string origin, out RuleProblem? problem)
    {
        problem = null;
        var title = Scalar(root, "title") ?? Path.GetFileName(origin);
        if (Child(root, "detection") is not YamlMappingNode detection)
        {
            problem = new RuleProblem(origin, title, Child(root, "detection") is null ? "no detection section" : "detection is not a mapping");
            return null;
        }

        var conditions = Child(detection, "condition") switch
        {
            YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value) => [scalar.Value!],
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? "").ToList(),
            _ => new List<string>(),
        };
        if (conditions.Count == 0)
        {
            problem = new RuleProblem(origin, title, "detection has no condition");
            return null;
        }

        var logsource = Child(root, "logsource") as YamlMappingNode;
        return new SigmaRule
        {
            Id = Scalar(root, "id") ?? title,
            Title = title,
            Level = Scalar(root, "level") ?? "",
            Tags = Child(root, "tags") is YamlSequenceNode tags ? [.. tags.Children.OfType<YamlScalarNode>().Select(t => t.Value ?? "")] : [],
            LogSource = new SigmaLogSource(
                logsource is null ? null : Scalar(logsource, "product"),
                logsource is null ? null : Scalar(logsource, "category"),
                logsource is null ? null : Scalar(logsource, "service")),
            Detections = detection.Children
                .Where(c => c.Key is YamlScalarNode { Value: not "condition" and not "timeframe" })
                .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value, StringComparer.Ordinal),
            Conditions = conditions,
            Origin = origin,
        };
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode { Value: { } value } ? value : null;
}
