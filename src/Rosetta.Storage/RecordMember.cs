namespace Rosetta.Storage;

/// <summary>A member of a normalized record's <c>rosetta</c> object that a store keeps in a column of its own.</summary>
public enum RecordMember
{
    /// <summary>Any other member: skipped.</summary>
    None,

    /// <summary><c>source</c>: the source id.</summary>
    Source,

    /// <summary><c>event</c>: the vendor's event name.</summary>
    Event,

    /// <summary><c>table</c>: the vendor's table.</summary>
    Table,

    /// <summary><c>diagnostics</c>: what the engine noticed, as JSON.</summary>
    Diagnostics,

    /// <summary><c>envelope</c>: the export's wrapper, as JSON.</summary>
    Envelope,

    /// <summary><c>key</c>: the event key, 32 hex digits.</summary>
    Key,
}
