namespace Rosetta.Dictionaries.Overlays;

/// <summary>
/// How a source's events are told apart in a mixed stream. A record whose container names its table (the Defender
/// streaming envelope's <c>category</c>) is recognized by <see cref="Tables"/> alone; any other record by its fields.
/// </summary>
public sealed class Recognition
{
    /// <summary>Table names a container may give (<c>DeviceNetworkEvents</c>).</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>Fields that must be present with a non-null, non-empty value.</summary>
    public IReadOnlyList<string> Present { get; init; } = [];

    /// <summary>Fields that must not be there at all (they belong to a sibling table).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Fields that must hold one of the listed values (<c>Event.System.EventID: 3</c>).</summary>
    public IReadOnlyDictionary<string, Located<string[]>> Equal { get; init; } = new Dictionary<string, Located<string[]>>();

    /// <summary>The overlay line of the <c>recognize</c> key.</summary>
    public int Line { get; init; }

    /// <summary>True when the overlay says how to recognize the source's events without a table name.</summary>
    public bool HasFieldConditions => Present.Count > 0 || Equal.Count > 0;
}
