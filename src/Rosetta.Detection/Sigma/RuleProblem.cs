namespace Rosetta.Detection.Sigma;

/// <summary>Why a rule cannot run (or cannot match one source's events), with where it was written.</summary>
/// <param name="Origin"><c>file:line</c>.</param>
/// <param name="Rule">The rule's title, or the file when the YAML could not be read.</param>
/// <param name="Reason">What is wrong, for the user.</param>
/// <param name="Source">The source id when the problem is one source's (the rule still runs on the others).</param>
public sealed record RuleProblem(string Origin, string Rule, string Reason, string? Source = null)
{
    /// <inheritdoc/>
    public override string ToString() => Source is null ? $"{Origin}: {Rule}: {Reason}" : $"{Origin}: {Rule}: cannot match {Source}: {Reason}";
}
