namespace Rosetta.Storage;

/// <summary>One source's records in a store.</summary>
/// <param name="Source">The source id (<c>mde.network</c>).</param>
/// <param name="Events">Its records.</param>
/// <param name="First">The earliest <c>event_date_creation</c>, or null.</param>
/// <param name="Last">The latest <c>event_date_creation</c>, or null.</param>
public sealed record SourceCount(string Source, long Events, string? First, string? Last);
