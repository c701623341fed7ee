namespace Rosetta.Dictionaries;

/// <summary>One row of a data dictionary: a vendor field and the standard name it carries.</summary>
/// <param name="StandardName">The standard name, or null when the author left it empty.</param>
/// <param name="FieldName">The vendor's field name or dotted path.</param>
/// <param name="Type">The type as written, or null when the cell is missing.</param>
/// <param name="Description">The author's description.</param>
/// <param name="SampleValue">The sample value as written.</param>
/// <param name="Line">The 1-based line of the row in its file.</param>
public sealed record DictionaryField(
    string? StandardName, string FieldName, string? Type, string? Description, string? SampleValue, int Line);
