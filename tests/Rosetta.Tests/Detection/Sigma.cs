using System.Text;
using System.Text.Json;
using Rosetta.Detection;
using Rosetta.Detection.Fields;

namespace Rosetta.Tests.Detection;

/// <summary>The shipped Sigma taxonomy and SigmaHQ's rules from ../shared, compiled once against the shipped sources.</summary>
internal static class Sigma
{
    private static readonly Lazy<RuleSet> SharedRules = new(() => Load(Path.Combine(Paths.Shared, "sigma", "rules")));

    public static RuleSet SharedRuleSet => SharedRules.Value;

    public static string Taxonomy => Path.Combine(Paths.Repository, "sigma");

    public static RuleSet Load(params string[] paths) => RuleSet.Load(paths, SigmaTaxonomy.Load(Taxonomy), Engine.Default.Plans);

    /// <summary>The rule read from <paramref name="fileName"/> (without folder).</summary>
    public static CompiledRule Rule(string fileName) =>
        SharedRuleSet.Rules.Single(r => Path.GetFileName(r.Rule.Origin.Split(':')[0]) == fileName);

    /// <summary>Normalizes events given as text and returns, per record, the ids of the rules it matches.</summary>
    public static List<(string Source, List<string> Rules)> Detect(string text, string extension = ".ndjson", RuleSet? rules = null)
    {
        var records = Engine.RunText(text, extension);
        if (records.Summary.DeadLetterCount > 0)
        {
            throw new InvalidOperationException("not normalized: " + records.DeadLetters);
        }

        return DetectRecords(records.Output, rules);
    }

    /// <summary>Runs the rules over normalized records (NDJSON).</summary>
    public static List<(string Source, List<string> Rules)> DetectRecords(string ndjson, RuleSet? rules = null)
    {
        rules ??= SharedRuleSet;
        var view = rules.CreateView();
        var results = new List<(string, List<string>)>();
        foreach (var line in ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            view.Load(Encoding.UTF8.GetBytes(line));
            results.Add((view.Source, [.. rules.Match(view).Select(r => r.Rule.Id)]));
        }

        return results;
    }

    /// <summary>The ids of the rules that matched, from the NDJSON a DetectionSink wrote.</summary>
    public static List<string> MatchedIds(string matches) =>
        [.. matches.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("rule").GetProperty("id").GetString()!)];
}
