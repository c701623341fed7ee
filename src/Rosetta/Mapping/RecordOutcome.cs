namespace Rosetta.Mapping;

/// <summary>What became of one input record.</summary>
public enum RecordOutcome
{
    /// <summary>Written as a normalized record (perhaps with field diagnostics).</summary>
    Normalized,

    /// <summary>No dictionary recognizes it: kept in the dead-letter output.</summary>
    Unrecognized,

    /// <summary>Two dictionaries recognize it equally: kept in the dead-letter output, never guessed.</summary>
    Ambiguous,

    /// <summary>Not a well-formed record: kept in the dead-letter output.</summary>
    Malformed,

    /// <summary>A field failed its type under <c>--strict</c>: kept in the dead-letter output.</summary>
    Rejected,
}
