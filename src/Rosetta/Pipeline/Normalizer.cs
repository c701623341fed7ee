using System.Diagnostics;
using Rosetta.Mapping;
using Rosetta.Schema;
using Rosetta.Schema.Profiles;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>The engine a run uses: every runnable plan compiled once; runs inputs through it, streaming.</summary>
public sealed class Normalizer
{
    private readonly CompiledSources _sources;
    private readonly CompiledProfile _profile;

    /// <summary>Compiles the plans into one engine writing records in <paramref name="profile"/>'s shape (default: every standard name, flat).</summary>
    public Normalizer(IReadOnlyList<MappingPlan> plans, OutputProfile? profile = null)
    {
        Plans = plans;
        Profile = profile ?? new OutputProfile { Path = "", Name = ProfileCatalog.DefaultName, Identity = true };
        _sources = CompiledSources.Build(plans);
        _profile = CompiledProfile.Compile(Profile, _sources.Layout);
    }

    /// <summary>The shape records are written in.</summary>
    public OutputProfile Profile { get; }

    /// <summary>The plans this engine runs.</summary>
    public IReadOnlyList<MappingPlan> Plans { get; }

    /// <summary>Every standard name the plans and the engine can produce: the plans' in plan order, then the derived ones.</summary>
    public IReadOnlyList<string> StandardNames => _sources.Layout.Names;

    /// <summary>Every standard name the records of <paramref name="plan"/> can carry, derived ones included.</summary>
    public static IReadOnlyList<string> NamesOf(MappingPlan plan) => CompiledSources.NamesOf(plan);

    /// <summary>
    /// Every standard name with its type: the catalog's names in its order, then the names only this run's plans or
    /// derivations produce (typed by their mapping, or as the other side of a src_/dst_ pair). A store has a column
    /// for each, so that one query works whatever sources filled it.
    /// </summary>
    public IReadOnlyList<StandardName> AllStandardNames
    {
        get
        {
            var catalog = Plans.Count > 0 ? Plans[0].Names : StandardNameCatalog.Empty;
            var names = catalog.Names.ToList();
            var known = names.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in StandardNames.Where(n => !known.Contains(n)))
            {
                names.Add(new StandardName(name, TypeOf(name, catalog), ""));
            }

            return names;
        }
    }

    private FieldType TypeOf(string name, StandardNameCatalog catalog)
    {
        var mapped = Plans.SelectMany(p => p.Fields).FirstOrDefault(f => f.StandardName == name);
        if (mapped is not null)
        {
            return mapped.Type;
        }

        var side = name.StartsWith("src_", StringComparison.Ordinal) ? "dst_" + name[4..]
            : name.StartsWith("dst_", StringComparison.Ordinal) ? "src_" + name[4..] : null;
        return side is null ? FieldType.String
            : catalog.Find(side)?.Type ?? Plans.SelectMany(p => p.Fields).FirstOrDefault(f => f.StandardName == side)?.Type ?? FieldType.String;
    }

    /// <summary>The top-level names of a record of a flat profile, in order (the CSV header).</summary>
    public IReadOnlyList<string> Columns => Profile.Identity
        ? StandardNames
        : [.. Profile.Fields.SelectMany(f => f.Targets).Concat(Profile.Constants.Select(c => c.Path))
            .Concat(Profile.Unmapped is null ? [] : [Profile.Unmapped]).Distinct(StringComparer.Ordinal)];

    /// <summary>Normalizes every input into <paramref name="sink"/>; what cannot be normalized goes to <paramref name="deadLetters"/>.</summary>
    /// <exception cref="IOException">An input cannot be read.</exception>
    public RunSummary Run(IReadOnlyList<InputSource> inputs, NormalizeOptions options, IRecordSink sink, DeadLetterSink deadLetters, RunProgress? progress = null)
    {
        progress ??= new RunProgress();
        var summary = new RunSummary();
        var clock = Stopwatch.StartNew();
        RecordNormalizer Create() => new(_sources, _profile, options.StandardOnly, options.Strict, options.EventKeys);
        var consumer = new NormalizingConsumer(Create(), sink, deadLetters, summary, progress);
        using var parallel = options.Threads > 1 ? new ParallelBlocks(options.Threads, Create, progress) : null;
        foreach (var input in inputs)
        {
            consumer.Input = input.Name;
            progress.CurrentInput = input.Name;
            InputDecoder.Decode(
                input,
                options.InputFormat,
                consumer,
                n =>
                {
                    summary.Bytes += n;
                    progress.AddBytes(n);
                },
                parallel is null ? null : (stream, format) =>
                {
                    consumer.Flush(); // what earlier inputs left buffered goes first
                    parallel.Run(stream, format, input.Name, sink, deadLetters, summary);
                });
            summary.Inputs++;
        }

        consumer.Flush();
        sink.Flush();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }
}
