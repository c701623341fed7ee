using Rosetta.Schema;

namespace Rosetta.Mapping.Semantics;

/// <summary>What an orientation decided for one record.</summary>
/// <param name="Direction">The direction the vendor's values say.</param>
/// <param name="Swap">Whether the dictionary's src_* and dst_* values change places so that src is the initiator.</param>
/// <param name="Problem">Why the direction is unknown when the overlay has no answer for the record, else null.</param>
internal readonly record struct OrientationResult(NetworkDirection Direction, bool Swap, string? Problem);
