using System.CommandLine;
using Rosetta.Cli.Terminal;
using Rosetta.Pipeline;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta normalize INPUT...</c>: raw vendor events in, records named by standard names out.</summary>
internal static class NormalizeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files or folders of events (NDJSON, JSON, CSV; gzip or not), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "Where records go: a file, or - for standard output", DefaultValueFactory = _ => "-" };
        var dictionaries = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "ndjson" };
        format.AcceptOnlyFromAmong("ndjson", "csv");
        var inputFormat = new Option<InputFormat>("--input-format") { Description = "How inputs are cut into records (default: told from their first bytes)", DefaultValueFactory = _ => InputFormat.Auto };
        var deadLetter = new Option<string?>("--dead-letter") { Description = "Where events that are not normalized go (default: OUTPUT.dead-letter.ndjson, or rosetta.dead-letter.ndjson for standard output or a device such as /dev/null)" };
        var strict = new Option<bool>("--strict") { Description = "A field that fails its type sends the whole event to the dead letters; exit 3 if any event is not normalized" };
        var standardOnly = new Option<bool>("--standard-only") { Description = "Write only the standard names, not the vendor leftovers" };
        var schema = new Option<string>("--schema") { Description = "Output schema: ossem (default), ossem-cdm, ecs, ocsf, asim, or a profile file ('rosetta schemas list')", DefaultValueFactory = _ => "ossem" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary on standard error" };
        var threads = new Option<int>("--threads") { Description = "Threads normalizing NDJSON and CSV inputs, in blocks; records keep their order (0: one per core)", DefaultValueFactory = _ => 1 };
        var store = new Option<string?>("--store") { Description = "Write the records into this store instead of --output: a SQLite file (created if needed; an event already stored is kept once), or clickhouse://HOST:PORT/DATABASE[?cluster=NAME] (ClickHouse's HTTP port)" };
        var command = new Command("normalize", "Normalize raw vendor events to OSSEM standard names")
        {
            inputs, output, dictionaries, noShipped, format, inputFormat, deadLetter, strict, standardOnly, schema, quiet, store, threads,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(store) is not null
                && new Option[] { output, format, schema }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } clash)
            {
                result.AddError($"--store writes the records into the store, with every standard name as a column: it does not take {clash.Name}");
            }
        });
        command.SetAction(result => Run(
            result.GetRequiredValue(inputs),
            result.GetRequiredValue(output),
            result.GetValue(dictionaries) ?? [],
            result.GetValue(noShipped),
            result.GetRequiredValue(format),
            result.GetRequiredValue(schema),
            new NormalizeOptions
            {
                InputFormat = result.GetValue(inputFormat),
                Strict = result.GetValue(strict),
                StandardOnly = result.GetValue(standardOnly),
                Threads = result.GetValue(threads) is var n and > 0 ? n : Environment.ProcessorCount,
            },
            result.GetValue(deadLetter),
            result.GetValue(quiet),
            result.GetValue(store)));
        return command;
    }

    private static int Run(string[] inputPaths, string output, string[] folders, bool noShipped, string format, string schema, NormalizeOptions options, string? deadLetterPath, bool quiet, string? storePath)
    {
        if (Catalog.LoadProfile(schema, out var schemaError) is not { } profile)
        {
            Console.Error.WriteLine($"rosetta: {schemaError}");
            return ExitCodes.UsageOrUnreadable;
        }

        if (format == "csv" && !profile.IsFlat)
        {
            Console.Error.WriteLine($"rosetta: the {profile.Name} schema nests objects; CSV needs a flat one (ossem, ossem-cdm, asim) or --format ndjson");
            return ExitCodes.UsageOrUnreadable;
        }

        var catalog = Catalog.Load(folders, !noShipped);
        var blocking = catalog.BlockingErrors.ToList();
        if (blocking.Count > 0)
        {
            foreach (var error in blocking)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine("rosetta: the dictionaries above cannot run; nothing was normalized");
            return ExitCodes.UsageOrUnreadable;
        }

        if (catalog.Plans.Count == 0)
        {
            Console.Error.WriteLine("rosetta: no dictionary with an overlay to run (see 'rosetta dictionaries list')");
            return ExitCodes.UsageOrUnreadable;
        }

        IReadOnlyList<InputSource> inputs;
        try
        {
            inputs = InputSource.Expand(inputPaths);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            return ExitCodes.UsageOrUnreadable;
        }

        var normalizer = new Normalizer(catalog.Plans, profile);
        if (storePath is not null)
        {
            return StoreRun.Run(normalizer, inputs, options with { EventKeys = true }, storePath, deadLetterPath ?? Stores.DefaultDeadLetters(storePath), quiet, catalog);
        }

        deadLetterPath ??= OutputFiles.DeadLettersBeside(output);
        var progress = new RunProgress();
        RunSummary summary;
        try
        {
            using var stream = output == "-" ? Console.OpenStandardOutput() : OutputFiles.Create(output);
            using IRecordSink sink = format == "csv" ? new CsvSink(stream, normalizer.Columns) : new NdjsonSink(stream);
            using var deadLetters = new DeadLetterSink(() => OutputFiles.Create(deadLetterPath));
            using var reporter = quiet ? null : ProgressReporter.StartIfTerminal(progress, inputs.Sum(i => i.Length ?? 0));
            summary = normalizer.Run(inputs, options, sink, deadLetters, progress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            return ExitCodes.UsageOrUnreadable;
        }

        if (!quiet)
        {
            SummaryPrinter.Print(Console.Error, summary, deadLetterPath, catalog);
        }

        return options.Strict && summary.DeadLetterCount > 0 ? ExitCodes.StrictFailures : ExitCodes.Success;
    }
}
