using System.Diagnostics;
using Rosetta.Mapping;
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
        var normalizer = new RecordNormalizer(_sources, _profile, options.StandardOnly, options.Strict);
        var consumer = new NormalizingConsumer(normalizer, sink, deadLetters, summary, progress);
        foreach (var input in inputs)
        {
            consumer.Input = input.Name;
            progress.CurrentInput = input.Name;
            InputDecoder.Decode(input, options.InputFormat, consumer, n =>
            {
                summary.Bytes += n;
                progress.AddBytes(n);
            });
            summary.Inputs++;
        }

        consumer.Flush();
        sink.Flush();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }
}
