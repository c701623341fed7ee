namespace Rosetta.Dictionaries.Overlays;

/// <summary>
/// How an overlay says which side of a connection opened it, so that <c>src_*</c> always means the initiator.
/// A vendor field (Defender's ActionType, SentinelOne's tcpv4.direction) decides the direction per value, and
/// a JSON detail inside the event (Defender's AdditionalFields.direction) decides where a case defers to it.
/// </summary>
public sealed class Orientation
{
    /// <summary>
    /// True when the dictionary maps the reporting host's side to <c>src_*</c> (Defender's Local*): inbound and
    /// listening records are then swapped. False when <c>src_*</c> is already the initiator (SentinelOne).
    /// </summary>
    public required bool SourceIsLocal { get; init; }

    /// <summary>The vendor field whose value picks the case.</summary>
    public required IReadOnlyList<string> By { get; init; }

    /// <summary>Vendor value to its case; a value not listed is an unknown direction, reported on the record.</summary>
    public required IReadOnlyDictionary<string, OrientationCase> Cases { get; init; }

    /// <summary>Where cases that defer to a detail read it, or null.</summary>
    public OrientationDetails? Details { get; init; }

    /// <summary>The overlay line of the <c>orientation</c> key.</summary>
    public int Line { get; init; }
}
