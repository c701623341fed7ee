using Rosetta.Detection.Fields;
using Rosetta.Detection.Sigma;
using Rosetta.Mapping;
using Rosetta.Pipeline;

namespace Rosetta.Detection;

/// <summary>
/// Sigma rules compiled once for a run: loaded rules indexed by the sources they are routed to, and every rule that
/// could not be loaded with its reason. Matching a record reads only the standard names the rules use.
/// </summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, CompiledRule[]> _bySource;

    private RuleSet(IReadOnlyList<CompiledRule> rules, IReadOnlyList<RuleProblem> problems, int read, NameTable names)
    {
        Rules = rules;
        Problems = problems;
        RulesRead = read;
        Names = names;
        _bySource = rules.SelectMany(r => r.Sources.Where(s => !r.CannotMatch.ContainsKey(s)).Select(s => (s, r)))
            .GroupBy(p => p.s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.r).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The rules that run.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Why each other rule cannot run (files that cannot be read included).</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    /// <summary>Rules read, loaded or not.</summary>
    public int RulesRead { get; }

    /// <summary>The standard names the rules read.</summary>
    public NameTable Names { get; }

    /// <summary>Reads and compiles the rules of <paramref name="paths"/>.</summary>
    /// <param name="paths">Rule files or folders.</param>
    /// <param name="taxonomy">Categories, fields and products (the <c>sigma/</c> data files).</param>
    /// <param name="plans">The loaded sources: a rule cannot match a source whose records never carry a field it needs.</param>
    public static RuleSet Load(IEnumerable<string> paths, SigmaTaxonomy taxonomy, IEnumerable<MappingPlan> plans)
    {
        var sourceNames = plans.ToDictionary(
            p => p.SourceId, p => (IReadOnlySet<string>)Normalizer.NamesOf(p).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var (rules, problems) = SigmaRuleReader.Read(paths);
        var names = new NameTable();
        var compiler = new RuleCompiler(taxonomy, sourceNames, names);
        var compiled = new List<CompiledRule>();
        foreach (var rule in rules)
        {
            if (compiler.Compile(rule, out var problem) is { } ok)
            {
                compiled.Add(ok);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        var unreadable = problems.Count(p => !rules.Any(r => r.Origin == p.Origin));
        return new RuleSet(compiled, problems, rules.Count + unreadable, names);
    }

    /// <summary>A view to load records into for <see cref="Match"/>; one per thread.</summary>
    public EventView CreateView() => new(Names);

    /// <summary>The rules the record in <paramref name="view"/> matches.</summary>
    public IEnumerable<CompiledRule> Match(EventView view)
    {
        if (!_bySource.TryGetValue(view.Source, out var rules))
        {
            yield break;
        }

        foreach (var rule in rules)
        {
            if (rule.Test(view))
            {
                yield return rule;
            }
        }
    }
}
