namespace Rosetta.Schema;

/// <summary>One standard name of the catalog: its type and meaning.</summary>
/// <param name="Name">The name, e.g. <c>dst_port</c>.</param>
/// <param name="Type">The type every source's value is converted to.</param>
/// <param name="Description">What it means.</param>
public sealed record StandardName(string Name, FieldType Type, string Description);
