namespace Rosetta.Storage;

/// <summary>One run that wrote a store; <see cref="Finished"/> is null when it was interrupted.</summary>
/// <param name="Id">The run's id, in the records' <c>ingest_id</c>.</param>
/// <param name="Started">When it started (UTC).</param>
/// <param name="Finished">When it ended, or null.</param>
/// <param name="Inputs">What it read.</param>
/// <param name="Stored">Records it added.</param>
/// <param name="Duplicates">Records the store already had.</param>
/// <param name="DeadLetters">Events it could not normalize.</param>
public sealed record IngestRun(long Id, string Started, string? Finished, string Inputs, long? Stored, long? Duplicates, long? DeadLetters);
