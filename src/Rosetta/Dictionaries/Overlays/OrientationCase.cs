using Rosetta.Schema;

namespace Rosetta.Dictionaries.Overlays;

/// <summary>One row of an <see cref="Orientation"/>: the direction a vendor value means.</summary>
/// <param name="Direction">The direction, or the fallback when <paramref name="FromDetails"/> finds no detail.</param>
/// <param name="FromDetails">The direction comes from the event's detail (<see cref="Orientation.Details"/>) when it has one.</param>
/// <param name="Swap">Overrides whether the sides are swapped; null lets the direction decide.</param>
/// <param name="Line">The overlay line.</param>
public sealed record OrientationCase(NetworkDirection Direction, bool FromDetails, bool? Swap, int Line);
