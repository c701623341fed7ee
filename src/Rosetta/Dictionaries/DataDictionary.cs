using Rosetta.Diagnostics;

namespace Rosetta.Dictionaries;

/// <summary>An OSSEM data dictionary as its author wrote it, with what was wrong with it.</summary>
public sealed class DataDictionary
{
    /// <summary>The file it was read from.</summary>
    public required string Path { get; init; }

    /// <summary>Markdown or YAML.</summary>
    public required DictionaryFormat Format { get; init; }

    /// <summary>The title (markdown front matter <c>title</c>, YAML <c>title</c> or <c>name</c>).</summary>
    public string? Title { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The log type or platform/log source (<c>log.type</c>, <c>log_source</c>).</summary>
    public string? LogSource { get; init; }

    /// <summary>The event the file describes: a vendor rule name (<c>sentinelone.rule</c>) or event code/id.</summary>
    public string? EventName { get; init; }

    /// <summary>Every front matter or top-level scalar, as written.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The data dictionary rows.</summary>
    public IReadOnlyList<DictionaryField> Fields { get; init; } = [];

    /// <summary>The event types rows (markdown only).</summary>
    public IReadOnlyList<EventTypeRow> EventTypes { get; init; } = [];

    /// <summary>The event samples the file carries.</summary>
    public IReadOnlyList<EventSample> Samples { get; init; } = [];

    /// <summary>What is wrong with the file, with line numbers.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The name to show: the event name, else the title, else the file name.</summary>
    public string DisplayName => EventName ?? Title ?? System.IO.Path.GetFileNameWithoutExtension(Path);
}
