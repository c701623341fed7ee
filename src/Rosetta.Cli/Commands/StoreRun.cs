using Rosetta.Cli.Terminal;
using Rosetta.Pipeline;
using Rosetta.Sinks;
using Rosetta.Sources;
using Rosetta.Storage.Sqlite;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta normalize INPUT... --store PATH.db</c>: a normalize run whose records go into a SQLite store.</summary>
internal static class StoreRun
{
    public static int Run(Normalizer normalizer, IReadOnlyList<InputSource> inputs, NormalizeOptions options, string storePath, string deadLetterPath, bool quiet, Catalog catalog)
    {
        var progress = new RunProgress();
        RunSummary summary;
        long stored, duplicates;
        TimeSpan indexing;
        try
        {
            using var store = SqliteStore.Open(storePath, normalizer.AllStandardNames);
            var ingest = store.BeginIngest(inputs.Select(i => i.Name));
            using (var sink = store.CreateSink(ingest, inputs.Sum(i => i.Length ?? 0)))
            using (var deadLetters = new DeadLetterSink(() => File.Create(deadLetterPath)))
            using (quiet ? null : ProgressReporter.StartIfTerminal(progress, inputs.Sum(i => i.Length ?? 0)))
            {
                summary = normalizer.Run(inputs, options, sink, deadLetters, progress);
                if (!quiet && sink.Bulk && !Console.IsErrorRedirected)
                {
                    Console.Error.WriteLine("rosetta: making the store's indexes ...");
                }

                sink.Complete();
                indexing = sink.IndexTime;
                stored = sink.Stored;
                duplicates = sink.Duplicates;
            }

            store.FinishIngest(ingest, summary.EventsIn, summary.RecordsOut, stored, duplicates, summary.DeadLetterCount);
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            return ExitCodes.UsageOrUnreadable;
        }

        if (!quiet)
        {
            SummaryPrinter.Print(Console.Error, summary, deadLetterPath, catalog);
            Console.Error.WriteLine($"  stored          {stored,10:N0}  new records -> {storePath}");
            Console.Error.WriteLine($"  already stored  {duplicates,10:N0}  (the same events, from an earlier run or twice in the input)");
            if (indexing.TotalSeconds >= 0.05)
            {
                Console.Error.WriteLine($"  indexes made in {indexing.TotalSeconds:F2} s (bulk load: made once at the end)");
            }
        }

        return options.Strict && summary.DeadLetterCount > 0 ? ExitCodes.StrictFailures : ExitCodes.Success;
    }
}
