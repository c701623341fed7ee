using Rosetta.Cli.Terminal;
using Rosetta.Pipeline;
using Rosetta.Sinks;
using Rosetta.Sources;
using Rosetta.Storage;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta normalize INPUT... --store STORE</c>: a normalize run whose records go into a store (a SQLite file, or ClickHouse).</summary>
internal static class StoreRun
{
    public static int Run(Normalizer normalizer, IReadOnlyList<InputSource> inputs, NormalizeOptions options, string storePath, string deadLetterPath, bool quiet, Catalog catalog)
    {
        var progress = new RunProgress();
        RunSummary summary;
        long stored, duplicates;
        TimeSpan finishingTime;
        string? finishingWhat;
        string location;
        try
        {
            using var store = Stores.OpenForWriting(storePath, normalizer.AllStandardNames, message => Console.Error.WriteLine($"rosetta: {message}"));
            var ingest = store.BeginIngest(inputs.Select(i => i.Name));
            using (var sink = store.CreateSink(ingest, inputs.Sum(i => i.Length ?? 0)))
            using (var deadLetters = new DeadLetterSink(() => OutputFiles.Create(deadLetterPath)))
            using (quiet ? null : ProgressReporter.StartIfTerminal(progress, inputs.Sum(i => i.Length ?? 0)))
            {
                summary = normalizer.Run(inputs, options, sink, deadLetters, progress);
                if (!quiet && sink.Finishing is { } finishing && !Console.IsErrorRedirected)
                {
                    Console.Error.WriteLine($"rosetta: {finishing} ...");
                }

                sink.Complete();
                finishingTime = sink.FinishingTime;
                finishingWhat = sink.Finishing;
                stored = sink.Stored;
                duplicates = sink.Duplicates;
            }

            store.FinishIngest(ingest, new IngestFigures(summary.EventsIn, summary.RecordsOut, stored, duplicates, summary.DeadLetterCount));
            location = store.Location;
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            return ExitCodes.UsageOrUnreadable;
        }

        if (!quiet)
        {
            SummaryPrinter.Print(Console.Error, summary, deadLetterPath, catalog);
            Console.Error.WriteLine($"  stored          {stored,10:N0}  new records -> {location}");
            Console.Error.WriteLine($"  already stored  {duplicates,10:N0}  (the same events, from an earlier run or twice in the input)");
            if (finishingTime.TotalSeconds >= 0.05)
            {
                Console.Error.WriteLine($"  {finishingWhat}: {finishingTime.TotalSeconds:F2} s");
            }
        }

        return options.Strict && summary.DeadLetterCount > 0 ? ExitCodes.StrictFailures : ExitCodes.Success;
    }
}
