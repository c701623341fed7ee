using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>How a normalize run treats its input and its records.</summary>
public sealed record NormalizeOptions
{
    /// <summary>How inputs are cut into records; sniffed by default.</summary>
    public InputFormat InputFormat { get; init; } = InputFormat.Auto;

    /// <summary>Drop the vendor leftovers; keep only the standard names.</summary>
    public bool StandardOnly { get; init; }

    /// <summary>A field value that fails its type sends the whole record to the dead letters.</summary>
    public bool Strict { get; init; }

    /// <summary>Threads normalizing NDJSON inputs in blocks (records keep their input order); other formats use one.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Each record's metadata carries <c>key</c>: the hash of the event as written, by which a store keeps it once.</summary>
    public bool EventKeys { get; init; }
}
