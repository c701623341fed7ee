using YamlDotNet.RepresentationModel;

namespace Rosetta.Detection.Sigma;

/// <summary>One Sigma rule as written: its metadata, log source, named detections and conditions.</summary>
public sealed class SigmaRule
{
    /// <summary>The rule's id (a UUID in SigmaHQ), or its title when it has none.</summary>
    public required string Id { get; init; }

    /// <summary>What it detects.</summary>
    public required string Title { get; init; }

    /// <summary>informational, low, medium, high or critical.</summary>
    public string Level { get; init; } = "";

    /// <summary>ATT&amp;CK and other tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The log source the rule is written for.</summary>
    public required SigmaLogSource LogSource { get; init; }

    /// <summary>The named search identifiers of <c>detection</c>, as YAML nodes.</summary>
    public required IReadOnlyDictionary<string, YamlNode> Detections { get; init; }

    /// <summary>The condition (several: any of them).</summary>
    public required IReadOnlyList<string> Conditions { get; init; }

    /// <summary>Where the rule was read: <c>file:line</c>.</summary>
    public required string Origin { get; init; }
}
