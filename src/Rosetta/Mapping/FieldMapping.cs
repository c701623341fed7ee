using Rosetta.Schema;

namespace Rosetta.Mapping;

/// <summary>One compiled mapping: where a standard name's value comes from and what type it must have.</summary>
/// <param name="StandardName">The output name.</param>
/// <param name="Type">The type the value is converted to.</param>
/// <param name="Paths">The vendor paths, first the dictionary's, then the overlay's aliases; the first present wins.</param>
/// <param name="Values">Vendor values to standard values, or null.</param>
/// <param name="Origin">Where the mapping was written (<c>file:line</c>), for <c>dictionaries show</c>.</param>
public sealed record FieldMapping(
    string StandardName,
    FieldType Type,
    IReadOnlyList<string> Paths,
    IReadOnlyDictionary<string, string>? Values,
    string Origin);
