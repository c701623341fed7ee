namespace Rosetta.Dictionaries;

/// <summary>An event sample from a dictionary (Event JSON / Event XML section, or <c>event_sample</c>).</summary>
/// <param name="Text">The sample as written, without its code fences.</param>
/// <param name="IsJson">True for JSON, false for XML or anything else.</param>
/// <param name="Line">The 1-based line where the sample's text starts.</param>
public sealed record EventSample(string Text, bool IsJson, int Line);
