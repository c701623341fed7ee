using Rosetta.Diagnostics;

namespace Rosetta.Schema.Profiles;

/// <summary>
/// The shape a normalized record is written in (<c>--schema ecs</c>): for each standard name, the target path
/// and how its value is converted; constants the target schema requires; where names it cannot express go.
/// Read from a data file in <c>schemas/</c>; no schema is code.
/// </summary>
public sealed class OutputProfile
{
    /// <summary>The file it was read from.</summary>
    public required string Path { get; init; }

    /// <summary>The name <c>--schema</c> takes (<c>ecs</c>).</summary>
    public required string Name { get; init; }

    /// <summary>A human title with the schema's version.</summary>
    public string Title { get; init; } = "";

    /// <summary>Where the schema is specified.</summary>
    public string? Reference { get; init; }

    /// <summary>Every standard name as itself, flat (the <c>ossem</c> profile).</summary>
    public bool Identity { get; init; }

    /// <summary>A top-level object for the standard names the schema cannot express, or null for none (they are then left out).</summary>
    public string? Unmapped { get; init; }

    /// <summary>Standard names to target paths.</summary>
    public IReadOnlyList<ProfileField> Fields { get; init; } = [];

    /// <summary>Target paths with a fixed value (<c>class_uid: 4001</c>).</summary>
    public IReadOnlyList<ProfileConstant> Constants { get; init; } = [];

    /// <summary>What is wrong with the file.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when every record written with this profile is flat (no dotted target path): CSV can hold it.</summary>
    public bool IsFlat => Identity || (Fields.SelectMany(f => f.Targets).All(p => !p.Contains('.', StringComparison.Ordinal))
        && Constants.All(c => !c.Path.Contains('.', StringComparison.Ordinal)));
}
