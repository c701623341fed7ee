using System.Text.RegularExpressions;
using Rosetta.Detection.Conditions;
using Rosetta.Detection.Fields;
using Rosetta.Detection.Matching;
using Rosetta.Detection.Sigma;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Detection;

/// <summary>
/// Compiles Sigma rules against a taxonomy (which sources serve which category, and where each Sigma field's value
/// comes from) into tests over <see cref="EventView"/>s. A rule that cannot run is a problem with its reason; a rule
/// that cannot match some source's records says so per source.
/// </summary>
internal sealed class RuleCompiler(SigmaTaxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlySet<string>> sourceNames, NameTable names)
{
    private readonly EventView _empty = new(new NameTable());

    /// <summary>The compiled rule, or null with <paramref name="problem"/>.</summary>
    public CompiledRule? Compile(SigmaRule rule, out RuleProblem? problem)
    {
        problem = null;
        string? reason = null;
        var compiled = Route(rule, out reason) is { } route ? CompileDetection(rule, route, out reason) : null;
        if (compiled is null)
        {
            problem = new RuleProblem(rule.Origin, rule.Title, reason!);
        }

        return compiled;
    }

    private (SigmaCategory Category, IReadOnlySet<string> Sources)? Route(SigmaRule rule, out string? reason)
    {
        reason = null;
        var logsource = rule.LogSource;
        if (logsource.Category is null || !taxonomy.Categories.TryGetValue(logsource.Category, out var category))
        {
            reason = logsource.Category is null
                ? $"logsource has no category (product {logsource.Product ?? "-"}, service {logsource.Service ?? "-"}): Rosetta routes rules by category ({string.Join(", ", taxonomy.Categories.Keys)})"
                : $"logsource category '{logsource.Category}': no source provides it (categories with sources: {string.Join(", ", taxonomy.Categories.Keys)})";
            return null;
        }

        var sources = category.Sources.Where(sourceNames.ContainsKey).ToHashSet(StringComparer.Ordinal);
        if (logsource.Product is { } product)
        {
            if (!taxonomy.Products.TryGetValue(product, out var hosts))
            {
                reason = $"logsource product '{product}': no source's events come from it (products: {string.Join(", ", taxonomy.Products.Keys)})";
                return null;
            }

            sources.IntersectWith(hosts);
        }

        if (sources.Count == 0)
        {
            reason = $"no loaded source serves {logsource.Category}{(logsource.Product is null ? "" : " on " + logsource.Product)}";
            return null;
        }

        return (category, sources);
    }

    private CompiledRule? CompileDetection(SigmaRule rule, (SigmaCategory Category, IReadOnlySet<string> Sources) route, out string? reason)
    {
        reason = null;
        var selections = new Dictionary<string, Selection>(StringComparer.Ordinal);
        foreach (var (name, node) in rule.Detections)
        {
            if (CompileSelection(node, route.Category, out reason) is not { } selection)
            {
                reason = $"{name}: {reason}";
                return null;
            }

            selections[name] = selection;
        }

        var conditions = new List<Condition>();
        foreach (var text in rule.Conditions)
        {
            if (ConditionParser.Parse(text, out reason) is not { } condition)
            {
                return null;
            }

            if (Unknown(condition, selections) is { } unknown)
            {
                reason = $"condition '{text}' names {unknown}, which the detection does not define";
                return null;
            }

            conditions.Add(condition);
        }

        var tests = conditions.Select(c => Evaluate(c, selections)).ToArray();
        Func<EventView, bool> test = tests.Length == 1 ? tests[0] : e => Some(tests, e);
        var cannot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in route.Sources)
        {
            var available = sourceNames[source];
            if (conditions.All(c => Possible(c, selections, available) == Outcome.Never))
            {
                var positive = conditions.SelectMany(c => Positive(c, selections)).ToHashSet();
                var missing = positive.Where(s => s.Possible(available) == Outcome.Never).SelectMany(s => s.Fields)
                    .Where(f => !f.WhenAbsent && !f.Names.Any(available.Contains)).Select(f => f.Describe()).Distinct().ToList();
                cannot[source] = $"needs {string.Join(", ", missing)}, which its records never have";
            }
        }

        return new CompiledRule(rule, route.Sources, test, cannot);
    }

    private Selection? CompileSelection(YamlNode node, SigmaCategory category, out string? reason)
    {
        reason = null;
        switch (node)
        {
            case YamlMappingNode map:
                return CompileMap(map, category, out reason);
            case YamlSequenceNode list when list.Children.All(c => c is YamlMappingNode):
                var alternatives = new List<Selection>();
                foreach (var child in list.Children)
                {
                    if (CompileMap((YamlMappingNode)child, category, out reason) is not { } alternative)
                    {
                        return null;
                    }

                    alternatives.Add(alternative);
                }

                return Selection.AnyOf(alternatives);
            case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode):
                return Keywords([.. list.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "")]);
            case YamlScalarNode scalar:
                return Keywords([scalar.Value ?? ""]);
            default:
                reason = "a search identifier is a map of fields, a list of maps, or a list of keywords";
                return null;
        }
    }

    private Selection? CompileMap(YamlMappingNode map, SigmaCategory category, out string? reason)
    {
        reason = null;
        var fields = new List<FieldCondition>();
        foreach (var (key, value) in map.Children)
        {
            var parts = (((YamlScalarNode)key).Value ?? "").Split('|');
            var name = parts[0];
            if (Resolve(name, category) is not { } source)
            {
                reason = $"field '{name}' is not mapped for {category.Name} (sigma/{category.Name}.yml)";
                return null;
            }

            var read = source.Bind(names);
            if (FieldTest.Compile(parts[1..], value, read, other => Resolve(other, category)?.Bind(names), out reason) is not { } test)
            {
                reason = $"{name}: {reason}";
                return null;
            }

            fields.Add(new FieldCondition(name, source, test, test(_empty)));
        }

        return Selection.AllOf(fields);
    }

    /// <summary>A Sigma field as the category maps it; a rule may also name a standard name directly.</summary>
    private static FieldSource? Resolve(string field, SigmaCategory category) =>
        category.Fields.TryGetValue(field, out var source) ? source
        : Regex.IsMatch(field, "^[a-z][a-z0-9_]*$") ? new FieldSource.Name(field) : null;

    private static Selection Keywords(List<string> keywords)
    {
        var tests = keywords.Select(k => (Func<string, bool>)(text => text.Contains(k.Trim('*'), StringComparison.OrdinalIgnoreCase))).ToArray();
        return new Selection(e => tests.Any(t => t(e.Text)), [], _ => Outcome.Maybe);
    }

    private static Func<EventView, bool> Evaluate(Condition condition, Dictionary<string, Selection> selections) => condition switch
    {
        Condition.Conjunction(var l, var r) => Both(Evaluate(l, selections), Evaluate(r, selections)),
        Condition.Disjunction(var l, var r) => Either(Evaluate(l, selections), Evaluate(r, selections)),
        Condition.Negation(var inner) => Negate(Evaluate(inner, selections)),
        Condition.Reference(var name) => selections[name].Test,
        Condition.Quantified(var all, var pattern) => Quantify(all, [.. Matching(pattern, selections).Select(s => s.Test)]),
        _ => throw new InvalidOperationException(condition.ToString()),
    };

    private static Func<EventView, bool> Both(Func<EventView, bool> a, Func<EventView, bool> b) => e => a(e) && b(e);

    private static Func<EventView, bool> Either(Func<EventView, bool> a, Func<EventView, bool> b) => e => a(e) || b(e);

    private static Func<EventView, bool> Negate(Func<EventView, bool> a) => e => !a(e);

    private static Func<EventView, bool> Quantify(bool all, Func<EventView, bool>[] tests) => all ? e => Every(tests, e) : e => Some(tests, e);

    private static bool Every(Func<EventView, bool>[] tests, EventView e)
    {
        foreach (var test in tests)
        {
            if (!test(e))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Some(Func<EventView, bool>[] tests, EventView e)
    {
        foreach (var test in tests)
        {
            if (test(e))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Selection> Matching(string pattern, Dictionary<string, Selection> selections)
    {
        if (pattern == "them")
        {
            return selections.Where(s => !s.Key.StartsWith('_')).Select(s => s.Value);
        }

        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$");
        return selections.Where(s => regex.IsMatch(s.Key)).Select(s => s.Value);
    }

    private static string? Unknown(Condition condition, Dictionary<string, Selection> selections) => condition switch
    {
        Condition.Conjunction(var l, var r) => Unknown(l, selections) ?? Unknown(r, selections),
        Condition.Disjunction(var l, var r) => Unknown(l, selections) ?? Unknown(r, selections),
        Condition.Negation(var inner) => Unknown(inner, selections),
        Condition.Reference(var name) => selections.ContainsKey(name) ? null : $"'{name}'",
        Condition.Quantified(_, var pattern) => Matching(pattern, selections).Any() ? null : $"'{pattern}' (no identifier matches it)",
        _ => null,
    };

    /// <summary>The search identifiers a condition uses outside any <c>not</c>: those a record must match.</summary>
    private static IEnumerable<Selection> Positive(Condition condition, Dictionary<string, Selection> selections) => condition switch
    {
        Condition.Conjunction(var l, var r) => Positive(l, selections).Concat(Positive(r, selections)),
        Condition.Disjunction(var l, var r) => Positive(l, selections).Concat(Positive(r, selections)),
        Condition.Reference(var name) => [selections[name]],
        Condition.Quantified(_, var pattern) => Matching(pattern, selections),
        _ => [],
    };

    /// <summary>Whether a condition can hold for records that have only <paramref name="available"/> names.</summary>
    private static Outcome Possible(Condition condition, Dictionary<string, Selection> selections, IReadOnlySet<string> available) => condition switch
    {
        Condition.Conjunction(var l, var r) => Possible(l, selections, available) == Outcome.Never || Possible(r, selections, available) == Outcome.Never ? Outcome.Never : Outcome.Maybe,
        Condition.Disjunction(var l, var r) => Possible(l, selections, available) == Outcome.Never && Possible(r, selections, available) == Outcome.Never ? Outcome.Never : Outcome.Maybe,
        Condition.Negation => Outcome.Maybe,
        Condition.Reference(var name) => selections[name].Possible(available),
        Condition.Quantified(var all, var pattern) => Matching(pattern, selections).Select(s => s.Possible(available)).ToList() is var outcomes
            && (all ? outcomes.Any(o => o == Outcome.Never) : outcomes.All(o => o == Outcome.Never)) ? Outcome.Never : Outcome.Maybe,
        _ => Outcome.Maybe,
    };

    private enum Outcome
    {
        Never,
        Maybe,
    }

    /// <summary>One field of a selection: its test, and what the test gives when the record lacks the field.</summary>
    private sealed record FieldCondition(string Field, FieldSource Source, Func<EventView, bool> Test, bool WhenAbsent)
    {
        public IEnumerable<string> Names => Source.Names;

        public string Describe() => $"{Field} ({string.Join(" or ", Source.Names.Distinct())})";
    }

    /// <summary>A compiled search identifier.</summary>
    private sealed record Selection(Func<EventView, bool> Test, IReadOnlyList<FieldCondition> Fields, Func<IReadOnlySet<string>, Outcome> Possible)
    {
        public static Selection AllOf(List<FieldCondition> fields)
        {
            var tests = fields.Select(f => f.Test).ToArray();
            return new Selection(
                e => Every(tests, e),
                fields,
                available => fields.Any(f => !f.WhenAbsent && !f.Names.Any(available.Contains)) ? Outcome.Never : Outcome.Maybe);
        }

        public static Selection AnyOf(List<Selection> alternatives)
        {
            var tests = alternatives.Select(a => a.Test).ToArray();
            return new Selection(
                e => Some(tests, e),
                [.. alternatives.SelectMany(a => a.Fields)],
                available => alternatives.All(a => a.Possible(available) == Outcome.Never) ? Outcome.Never : Outcome.Maybe);
        }
    }
}
