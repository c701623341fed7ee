namespace Rosetta.Schema.Profiles;

/// <summary>Where one standard name goes in an <see cref="OutputProfile"/>.</summary>
public sealed record ProfileField
{
    /// <summary>The standard name read.</summary>
    public required string StandardName { get; init; }

    /// <summary>The target path, dotted for nested objects (<c>source.ip</c>).</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The target path when the record's process is on the destination side (<c>process_side: dst</c>); for
    /// schemas that name the process by side (ASIM's SrcProcessId and DstProcessId). Null when the path is fixed.
    /// </summary>
    public string? DstPath { get; init; }

    /// <summary>Every path the field may be written to: <see cref="Path"/>, and <see cref="DstPath"/> when it has one.</summary>
    public IEnumerable<string> Targets => DstPath is null ? [Path] : [Path, DstPath];

    /// <summary>How the value is converted.</summary>
    public ProfileConversion As { get; init; }

    /// <summary>Standard value to target value as JSON text (<c>inbound</c> to <c>1</c>), or null.</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>JSON text written for a value <see cref="Values"/> does not list; null keeps the value.</summary>
    public string? Default { get; init; }

    /// <summary>JSON text written when the record has no value for the name; null writes nothing.</summary>
    public string? Absent { get; init; }

    /// <summary>The line in the profile file.</summary>
    public int Line { get; init; }
}
