using Rosetta.Diagnostics;

namespace Rosetta.Dictionaries.Overlays;

/// <summary>
/// What a runtime needs and OSSEM lacks, kept beside the OSSEM file it extends so the user's file stays verbatim:
/// how to recognize the source's events, renamed fields, type fixes, missing standard names and mappings.
/// </summary>
public sealed class Overlay
{
    /// <summary>The overlay file.</summary>
    public required string Path { get; init; }

    /// <summary>The source id records carry (e.g. <c>sentinelone.dv.network</c>).</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The OSSEM files it extends, relative to the overlay's folder: the first is the source's dictionary; each later one
    /// adds the rows whose vendor field and standard name the earlier ones do not map (a newer version of the table).
    /// </summary>
    public required IReadOnlyList<string> Extends { get; init; }

    /// <summary>The path under which the dictionaries' field names sit in an event (<c>Event.EventData</c>), or null.</summary>
    public string? FieldsUnder { get; init; }

    /// <summary>Values the source writes for "nothing" (Sysmon's and Zeek's <c>-</c>): a field holding one is absent.</summary>
    public IReadOnlyList<string> NullValues { get; init; } = [];

    /// <summary>Dictionary fields the runtime leaves unmapped (they stay with the vendor leftovers).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>A human name for the source.</summary>
    public string? Source { get; init; }

    /// <summary>How to tell this source's events in a stream.</summary>
    public Recognition Recognize { get; init; } = new();

    /// <summary>Vendor field to standard name, for rows the OSSEM file leaves empty.</summary>
    public IReadOnlyDictionary<string, Located<string>> StandardNames { get; init; } = new Dictionary<string, Located<string>>();

    /// <summary>Vendor field to type name, where the OSSEM file's type is missing or wrong.</summary>
    public IReadOnlyDictionary<string, Located<string>> Types { get; init; } = new Dictionary<string, Located<string>>();

    /// <summary>Vendor field to the other names it goes by (renamed columns).</summary>
    public IReadOnlyDictionary<string, Located<string[]>> Aliases { get; init; } = new Dictionary<string, Located<string[]>>();

    /// <summary>Mappings the OSSEM file lacks.</summary>
    public IReadOnlyList<DictionaryField> Fields { get; init; } = [];

    /// <summary>Per standard name, vendor values to standard values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Standard name to the value every event of the source has when it carries none itself (a tcpv4 object is TCP).</summary>
    public IReadOnlyDictionary<string, Located<string>> Constants { get; init; } = new Dictionary<string, Located<string>>();

    /// <summary>Which side opened a connection, for network sources; null when the source says nothing of it.</summary>
    public Orientation? Orientation { get; init; }

    /// <summary>What is wrong with the overlay.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
