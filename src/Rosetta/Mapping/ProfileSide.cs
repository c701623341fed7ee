namespace Rosetta.Mapping;

/// <summary>Which side of a connection a profile target names the record's process by (ASIM's Src*/Dst* process fields).</summary>
internal enum ProfileSide
{
    /// <summary>The target does not depend on the side.</summary>
    Any,

    /// <summary>Written when the process is on the source side (or the record does not say).</summary>
    Source,

    /// <summary>Written when the process is on the destination side.</summary>
    Destination,
}
