namespace Rosetta.Dictionaries;

/// <summary>One row of a markdown dictionary's <c>## Event Types</c> table.</summary>
/// <param name="StandardName">The event type's standard name.</param>
/// <param name="FieldName">The vendor field or value that marks the event type.</param>
/// <param name="Description">The author's description.</param>
/// <param name="Line">The 1-based line of the row.</param>
public sealed record EventTypeRow(string? StandardName, string FieldName, string? Description, int Line);
