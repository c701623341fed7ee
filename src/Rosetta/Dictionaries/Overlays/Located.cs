namespace Rosetta.Dictionaries.Overlays;

/// <summary>A value read from a file, with the line it stands on.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record Located<T>(T Value, int Line);
