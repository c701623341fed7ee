using System.CommandLine;
using Rosetta.Cli.Terminal;
using Rosetta.Detection;
using Rosetta.Detection.Fields;
using Rosetta.Pipeline;
using Rosetta.Sinks;
using Rosetta.Sources;
using Rosetta.Storage;
using Rosetta.Storage.Sqlite;

namespace Rosetta.Cli.Commands;

/// <summary>
/// <c>rosetta detect --rules PATH... INPUT...</c> (or <c>--store STORE</c>): Sigma rules over normalized records of
/// every source; <c>rosetta rules check PATH...</c>: which rules run, and why the others cannot.
/// </summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var rules = RulesOption();
        var inputs = new Argument<string[]>("INPUT") { Description = "Files or folders of raw vendor events (as for normalize)", Arity = ArgumentArity.ZeroOrMore };
        var store = new Option<string?>("--store") { Description = "Run the rules over the records of this store instead of inputs" };
        var output = new Option<string>("--output", "-o") { Description = "Where matches go (NDJSON): a file, or - for standard output", DefaultValueFactory = _ => "-" };
        var deadLetter = new Option<string?>("--dead-letter") { Description = "Where events that are not normalized go (default: OUTPUT.dead-letter.ndjson, or rosetta.dead-letter.ndjson for standard output or a device such as /dev/null)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary on standard error" };
        var normalized = new Option<bool>("--normalized") { Description = "The inputs are records rosetta normalize wrote (NDJSON), not raw vendor events" };
        var dictionaries = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var command = new Command("detect", "Run Sigma rules over events of every source, normalized on the way, or over a store")
        {
            rules, inputs, store, normalized, output, deadLetter, quiet, dictionaries, noShipped,
        };
        command.SetAction(result => Detect(
            result.GetRequiredValue(rules), result.GetValue(inputs) ?? [], result.GetValue(store), result.GetRequiredValue(output),
            result.GetValue(deadLetter), result.GetValue(quiet), result.GetValue(dictionaries) ?? [], result.GetValue(noShipped), result.GetValue(normalized)));
        return command;
    }

    public static Command CreateRules()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Sigma rule files or folders", Arity = ArgumentArity.OneOrMore };
        var dictionaries = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var check = new Command("check", "Load Sigma rules: print why each rule that cannot run cannot, and which sources each loaded rule cannot match")
        {
            paths, dictionaries, noShipped,
        };
        check.SetAction(result =>
        {
            if (Load(result.GetRequiredValue(paths), Catalog.Load(result.GetValue(dictionaries) ?? [], !result.GetValue(noShipped)), out var exit) is not { } set)
            {
                return exit;
            }

            Report(set, Console.Out, everySource: true);
            return set.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.StrictFailures;
        });
        return new Command("rules", "Sigma rules: check that they load") { check };
    }

    private static Option<string[]> RulesOption() => new("--rules", "-r")
    {
        Description = "Sigma rule files or folders (repeatable)",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private static int Detect(string[] rulePaths, string[] inputPaths, string? storePath, string output, string? deadLetterPath, bool quiet, string[] folders, bool noShipped, bool normalized)
    {
        if ((inputPaths.Length == 0) == (storePath is null))
        {
            Console.Error.WriteLine("rosetta: detect takes INPUT... or --store STORE (one of them)");
            return ExitCodes.UsageOrUnreadable;
        }

        var catalog = Catalog.Load(folders, !noShipped);
        if (Load(rulePaths, catalog, out var exit) is not { } set)
        {
            return exit;
        }

        if (!quiet)
        {
            Report(set, Console.Error, everySource: false);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        deadLetterPath ??= OutputFiles.DeadLettersBeside(output);
        try
        {
            using var stream = output == "-" ? Console.OpenStandardOutput() : OutputFiles.Create(output);
            using var deadLetters = new DeadLetterSink(() => OutputFiles.Create(deadLetterPath));
            using var sink = new DetectionSink(set, stream, deadLetters, ownsStream: false);
            if (storePath is not null && Storage.ClickHouse.ClickHouseLocation.Names(storePath))
            {
                Console.Error.WriteLine("rosetta: detect --store reads SQLite stores; for ClickHouse, export the records (rosetta hunt ... --format ndjson) or detect while normalizing");
                return ExitCodes.UsageOrUnreadable;
            }

            if (storePath is not null)
            {
                using var reader = StoreReader.Open(storePath);
                var normalizer = new Normalizer(catalog.Plans);
                sink.Input = storePath;
                StoredRecordReader.Read(reader, normalizer.AllStandardNames, sink.Write);
                sink.Flush();
            }
            else if (normalized)
            {
                foreach (var input in InputSource.Expand(inputPaths))
                {
                    sink.Input = input.Name;
                    RecordLines.Read(input, sink.Write);
                }

                sink.Flush();
            }
            else
            {
                var summary = new Normalizer(catalog.Plans).Run(InputSource.Expand(inputPaths), new NormalizeOptions(), sink, deadLetters);
                if (!quiet)
                {
                    SummaryPrinter.Print(Console.Error, summary, deadLetterPath, catalog);
                }
            }

            if (!quiet)
            {
                var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.0001);
                Console.Error.WriteLine($"rosetta: {sink.Matches:N0} matches in {sink.Records:N0} records, {set.Rules.Count} rules, {seconds:F2} s ({sink.Records / seconds:N0} records/s)");
                if (sink.Malformed > 0)
                {
                    Console.Error.WriteLine($"rosetta: {sink.Malformed:N0} lines were not records -> {deadLetterPath}");
                }
                foreach (var rule in set.Rules.Where(r => sink.MatchesByRule.ContainsKey(r.Rule.Id)))
                {
                    Console.Error.WriteLine($"  {sink.MatchesByRule[rule.Rule.Id],8:N0}  {rule.Rule.Level,-8} {rule.Rule.Title}");
                }
            }
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            return ExitCodes.UsageOrUnreadable;
        }

        return ExitCodes.Success;
    }

    private static RuleSet? Load(string[] paths, Catalog catalog, out int exit)
    {
        exit = ExitCodes.Success;
        if (catalog.BlockingErrors.Any())
        {
            foreach (var error in catalog.BlockingErrors)
            {
                Console.Error.WriteLine(error);
            }

            exit = ExitCodes.UsageOrUnreadable;
            return null;
        }

        SigmaTaxonomy taxonomy;
        try
        {
            taxonomy = SigmaTaxonomy.Load(Catalog.ShippedSigma);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            exit = ExitCodes.UsageOrUnreadable;
            return null;
        }

        return RuleSet.Load(paths, taxonomy, catalog.Plans);
    }

    /// <summary>Each rule that cannot run with its reason, then (with <paramref name="everySource"/>) each source a loaded rule cannot match, then the count.</summary>
    private static void Report(RuleSet set, TextWriter writer, bool everySource)
    {
        foreach (var problem in set.Problems)
        {
            writer.WriteLine(problem);
        }

        if (everySource)
        {
            foreach (var rule in set.Rules)
            {
                foreach (var (source, reason) in rule.CannotMatch.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    writer.WriteLine($"{rule.Rule.Origin}: {rule.Rule.Title}: cannot match {source}: {reason}");
                }
            }
        }

        writer.WriteLine($"loaded {set.Rules.Count} of {set.RulesRead} rules");
    }
}
