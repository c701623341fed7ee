namespace Rosetta.Detection.Conditions;

/// <summary>A parsed Sigma condition: search identifiers combined by and, or, not, and <c>1 of</c>/<c>all of</c>.</summary>
internal abstract record Condition
{
    /// <summary>Both hold.</summary>
    public sealed record Conjunction(Condition Left, Condition Right) : Condition;

    /// <summary>Either holds.</summary>
    public sealed record Disjunction(Condition Left, Condition Right) : Condition;

    /// <summary>The inner one does not hold.</summary>
    public sealed record Negation(Condition Inner) : Condition;

    /// <summary>A search identifier of the detection.</summary>
    public sealed record Reference(string Name) : Condition;

    /// <summary><c>1 of PATTERN</c> or <c>all of PATTERN</c> (<c>them</c>: every identifier).</summary>
    public sealed record Quantified(bool All, string Pattern) : Condition;
}
