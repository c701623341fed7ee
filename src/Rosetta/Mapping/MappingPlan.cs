using Rosetta.Schema;
using Rosetta.Dictionaries;
using Rosetta.Dictionaries.Overlays;

namespace Rosetta.Mapping;

/// <summary>A dictionary and its overlay compiled into what the engine runs: immutable and shared by every thread.</summary>
public sealed class MappingPlan
{
    /// <summary>The source id records carry.</summary>
    public required string SourceId { get; init; }

    /// <summary>The OSSEM dictionary the mappings come from.</summary>
    public required DataDictionary Dictionary { get; init; }

    /// <summary>The overlay that makes it runnable.</summary>
    public required Overlay Overlay { get; init; }

    /// <summary>How the source's events are recognized.</summary>
    public required Recognition Recognize { get; init; }

    /// <summary>The mappings, in the dictionary's order, then the overlay's.</summary>
    public required IReadOnlyList<FieldMapping> Fields { get; init; }

    /// <summary>Standard name to the value the source's events have when they carry none (from the overlay's constants).</summary>
    public IReadOnlyDictionary<string, string> Constants { get; init; } = new Dictionary<string, string>();

    /// <summary>The standard-name catalog the plan was compiled against; records list their names in its order.</summary>
    public StandardNameCatalog Names { get; init; } = StandardNameCatalog.Empty;

    /// <summary>The source's records name the process that reported them.</summary>
    public bool HasProcess => Fields.Select(f => f.StandardName).Concat(Constants.Keys).Any(n => n.StartsWith("process_", StringComparison.Ordinal));

    /// <summary>The event name records carry (e.g. <c>NetworkConnection</c>).</summary>
    public string EventName => Dictionary.DisplayName;
}
