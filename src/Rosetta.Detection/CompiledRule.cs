using Rosetta.Detection.Fields;
using Rosetta.Detection.Sigma;

namespace Rosetta.Detection;

/// <summary>A Sigma rule compiled into a test on normalized records, with the sources whose records it is for.</summary>
public sealed class CompiledRule
{
    internal CompiledRule(SigmaRule rule, IReadOnlySet<string> sources, Func<EventView, bool> test, IReadOnlyDictionary<string, string> cannotMatch)
    {
        Rule = rule;
        Sources = sources;
        Test = test;
        CannotMatch = cannotMatch;
    }

    /// <summary>The rule as written.</summary>
    public SigmaRule Rule { get; }

    /// <summary>Source ids whose records the rule's log source covers.</summary>
    public IReadOnlySet<string> Sources { get; }

    /// <summary>Sources the rule is routed to but cannot match, each with the reason (a field the source never has).</summary>
    public IReadOnlyDictionary<string, string> CannotMatch { get; }

    /// <summary>True when the record matches the rule's detection.</summary>
    public Func<EventView, bool> Test { get; }
}
