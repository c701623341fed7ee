using Rosetta.Mapping;

namespace Rosetta.Pipeline;

/// <summary>What a normalize run did: every event in is either a record out or a dead letter.</summary>
public sealed class RunSummary
{
    /// <summary>How many examples of field problems are kept for the closing summary.</summary>
    public const int MaxExamples = 10;

    /// <summary>Inputs read.</summary>
    public int Inputs { get; internal set; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Events read from every input.</summary>
    public long EventsIn { get; internal set; }

    /// <summary>Normalized records written, per source id.</summary>
    public SortedDictionary<string, long> RecordsBySource { get; } = new(StringComparer.Ordinal);

    /// <summary>Dead letters, per outcome.</summary>
    public SortedDictionary<RecordOutcome, long> DeadLetters { get; } = [];

    /// <summary>Field values that failed their type (their records were still written, unless strict).</summary>
    public long FieldProblems { get; internal set; }

    /// <summary>The first few field problems, as <c>input:line: what</c>.</summary>
    public List<string> Examples { get; } = [];

    /// <summary>Dead letters per reason (the first <see cref="MaxReasons"/> distinct reasons), with the first place each was seen.</summary>
    public Dictionary<string, (long Count, string FirstSeen)> DeadLetterReasons { get; } = new(StringComparer.Ordinal);

    /// <summary>How many distinct dead-letter reasons are counted one by one.</summary>
    public const int MaxReasons = 50;

    /// <summary>Records kept with an unknown direction because their overlay has no orientation case for them, per reason.</summary>
    public Dictionary<string, long> UnknownDirections { get; } = new(StringComparer.Ordinal);

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Records written.</summary>
    public long RecordsOut => RecordsBySource.Values.Sum();

    /// <summary>Dead letters written.</summary>
    public long DeadLetterCount => DeadLetters.Values.Sum();

    /// <summary>Counts <paramref name="count"/> more records of <paramref name="source"/>.</summary>
    internal void AddRecords(string source, long count) => RecordsBySource[source] = RecordsBySource.GetValueOrDefault(source) + count;

    /// <summary>Adds the events, records and problems of a later part of the run (a block of a parallel run).</summary>
    internal void Add(RunSummary part)
    {
        EventsIn += part.EventsIn;
        FieldProblems += part.FieldProblems;
        foreach (var (source, count) in part.RecordsBySource)
        {
            AddRecords(source, count);
        }

        foreach (var (outcome, count) in part.DeadLetters)
        {
            DeadLetters[outcome] = DeadLetters.GetValueOrDefault(outcome) + count;
        }

        foreach (var example in part.Examples)
        {
            Example(example);
        }

        foreach (var (reason, (count, first)) in part.DeadLetterReasons)
        {
            DeadLetterReason(reason, first, count);
        }

        foreach (var (reason, count) in part.UnknownDirections)
        {
            UnknownDirection(reason, count);
        }
    }

    internal void UnknownDirection(string reason, long count = 1)
    {
        if (UnknownDirections.TryGetValue(reason, out var known) || UnknownDirections.Count < MaxReasons)
        {
            UnknownDirections[reason] = known + count;
        }
    }

    internal void DeadLetterReason(string reason, string where, long count = 1)
    {
        if (DeadLetterReasons.TryGetValue(reason, out var seen))
        {
            DeadLetterReasons[reason] = (seen.Count + count, seen.FirstSeen);
        }
        else if (DeadLetterReasons.Count < MaxReasons)
        {
            DeadLetterReasons[reason] = (count, where);
        }
    }

    internal void Example(string text)
    {
        if (Examples.Count < MaxExamples)
        {
            Examples.Add(text);
        }
    }
}
