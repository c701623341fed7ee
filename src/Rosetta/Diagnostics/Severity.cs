namespace Rosetta.Diagnostics;

/// <summary>How much a diagnostic matters: an error makes the thing unusable, a warning was recovered from.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing was wrong.</summary>
    Info,

    /// <summary>A defect Rosetta recovered from; the result may differ from what the author meant.</summary>
    Warning,

    /// <summary>A defect Rosetta could not recover from; the part it names was not used.</summary>
    Error,
}
