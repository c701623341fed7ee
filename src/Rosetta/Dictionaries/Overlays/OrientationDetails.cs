using Rosetta.Schema;

namespace Rosetta.Dictionaries.Overlays;

/// <summary>A direction carried inside a JSON object or JSON string field of the event (<c>AdditionalFields.direction</c>).</summary>
/// <param name="Field">The vendor field holding the JSON.</param>
/// <param name="Member">The member of that JSON object holding the direction.</param>
/// <param name="Values">The member's values to directions; others mean unknown.</param>
public sealed record OrientationDetails(string Field, string Member, IReadOnlyDictionary<string, NetworkDirection> Values);
