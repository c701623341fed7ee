using System.Diagnostics;
using Rosetta.Mapping;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Pipeline;

/// <summary>The engine a run uses: every runnable plan compiled once; runs inputs through it, streaming.</summary>
public sealed class Normalizer
{
    private readonly CompiledSources _sources;

    /// <summary>Compiles the plans into one engine.</summary>
    public Normalizer(IReadOnlyList<MappingPlan> plans)
    {
        Plans = plans;
        _sources = CompiledSources.Build(plans);
    }

    /// <summary>The plans this engine runs.</summary>
    public IReadOnlyList<MappingPlan> Plans { get; }

    /// <summary>Every standard name the plans can produce, in plan order (the CSV header).</summary>
    public IReadOnlyList<string> StandardNames =>
        [.. Plans.SelectMany(p => p.Fields.Select(f => f.StandardName)).Distinct(StringComparer.Ordinal)];

    /// <summary>Normalizes every input into <paramref name="sink"/>; what cannot be normalized goes to <paramref name="deadLetters"/>.</summary>
    /// <exception cref="IOException">An input cannot be read.</exception>
    public RunSummary Run(IReadOnlyList<InputSource> inputs, NormalizeOptions options, IRecordSink sink, DeadLetterSink deadLetters, RunProgress? progress = null)
    {
        progress ??= new RunProgress();
        var summary = new RunSummary();
        var clock = Stopwatch.StartNew();
        var normalizer = new RecordNormalizer(_sources, options.StandardOnly, options.Strict);
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
