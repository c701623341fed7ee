namespace Rosetta.Detection.Sigma;

/// <summary>A rule's <c>logsource</c>: which events it is about.</summary>
/// <param name="Product">windows, linux ... or null.</param>
/// <param name="Category">process_creation, network_connection ... or null.</param>
/// <param name="Service">sysmon, security ... or null.</param>
public sealed record SigmaLogSource(string? Product, string? Category, string? Service);
