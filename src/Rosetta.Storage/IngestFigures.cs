namespace Rosetta.Storage;

/// <summary>What a run did, recorded in the store when it ends.</summary>
/// <param name="EventsIn">Events read.</param>
/// <param name="Records">Records normalized.</param>
/// <param name="Stored">Records stored, new to the store.</param>
/// <param name="Duplicates">Records the store already had.</param>
/// <param name="DeadLetters">Events that could not be normalized.</param>
public sealed record IngestFigures(long EventsIn, long Records, long Stored, long Duplicates, long DeadLetters);
