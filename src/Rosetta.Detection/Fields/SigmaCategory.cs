namespace Rosetta.Detection.Fields;

/// <summary>A Sigma log source category: its sources and its fields.</summary>
/// <param name="Name">network_connection, process_creation ...</param>
/// <param name="Sources">Source ids whose records belong to it.</param>
/// <param name="Fields">Sigma field name to where its value comes from.</param>
public sealed record SigmaCategory(string Name, IReadOnlyList<string> Sources, IReadOnlyDictionary<string, FieldSource> Fields);
