namespace Rosetta.Schema.Profiles;

/// <summary>A target path every record carries with the same value.</summary>
/// <param name="Path">The target path.</param>
/// <param name="Json">The value as JSON text.</param>
/// <param name="Line">The line in the profile file.</param>
public sealed record ProfileConstant(string Path, string Json, int Line);
