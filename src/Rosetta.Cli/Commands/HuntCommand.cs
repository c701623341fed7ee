using System.CommandLine;
using System.Diagnostics;
using Rosetta.Cli.Terminal;
using Rosetta.Storage;
using Rosetta.Storage.ClickHouse;
using Rosetta.Storage.Hunting;
using Spectre.Console;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta hunt --store STORE "SQL" | --file F | --saved NAME</c>: one SQL query over every source, in the store's dialect.</summary>
internal static class HuntCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "The store to hunt in, read-only: a SQLite file, or clickhouse://HOST:PORT/DATABASE[?cluster=NAME]" };
        var sql = new Argument<string?>("SQL") { Description = "The query, e.g. \"SELECT dst_port, count(*) FROM events GROUP BY dst_port\"", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the query from a .sql file" };
        var saved = new Option<string?>("--saved") { Description = "Run a saved hunt by name (--list shows them)" };
        var list = new Option<bool>("--list") { Description = "List the saved hunts and their parameters" };
        var parameters = new Option<string[]>("--param") { Description = "A value the query takes as :NAME, as NAME=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string?>("--format") { Description = "table (the default on a terminal), ndjson (the default otherwise) or csv" };
        format.AcceptOnlyFromAmong("table", "ndjson", "csv");
        var timeout = new Option<double>("--timeout") { Description = "Stop the query after this many seconds (0: no limit; Ctrl-C stops it too)", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--output", "-o") { Description = "Where rows go: a file, or - for standard output", DefaultValueFactory = _ => "-" };
        var command = new Command("hunt", "Run SQL over a store: every source's records in one 'events' table, one column per standard name")
        {
            sql, store, file, saved, list, parameters, format, timeout, output,
        };
        command.SetAction(result =>
        {
            var hunts = SavedHunt.LoadAll(Stores.HuntFolder(result.GetValue(store)));
            if (result.GetValue(list))
            {
                return List(hunts);
            }

            var given = new[] { result.GetValue(sql) is not null, result.GetValue(file) is not null, result.GetValue(saved) is not null }.Count(g => g);
            if (given != 1 || result.GetValue(store) is null)
            {
                Console.Error.WriteLine("rosetta: hunt needs --store and one of: a SQL argument, --file FILE, --saved NAME ('rosetta hunt --list' shows the saved hunts)");
                return ExitCodes.UsageOrUnreadable;
            }

            if (Query(result.GetValue(sql), result.GetValue(file), result.GetValue(saved), hunts, result.GetValue(parameters) ?? [], out var query, out var values) is { } error)
            {
                Console.Error.WriteLine($"rosetta: {error}");
                return ExitCodes.UsageOrUnreadable;
            }

            var chosen = result.GetValue(format) ?? (Console.IsOutputRedirected || result.GetRequiredValue(output) != "-" ? "ndjson" : "table");
            return Run(result.GetValue(store)!, query, values, chosen, result.GetRequiredValue(output), result.GetValue(timeout));
        });
        return command;
    }

    private static string? Query(string? sql, string? file, string? saved, IReadOnlyList<SavedHunt> hunts, string[] given, out string query, out Dictionary<string, string> values)
    {
        query = sql ?? "";
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                return $"{file}: no such file";
            }

            query = File.ReadAllText(file);
        }

        if (saved is not null)
        {
            var hunt = hunts.FirstOrDefault(h => h.Name == saved) ?? (File.Exists(saved) ? SavedHunt.Load(saved) : null);
            if (hunt is null)
            {
                return $"no saved hunt named '{saved}' (there are: {string.Join(", ", hunts.Select(h => h.Name))})";
            }

            query = hunt.Sql;
            foreach (var parameter in hunt.Parameters)
            {
                values[parameter.Name] = parameter.Default;
            }
        }

        foreach (var pair in given)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return $"--param {pair}: expected NAME=VALUE";
            }

            values[pair[..equals].TrimStart(':', '@', '$')] = pair[(equals + 1)..];
        }

        return null;
    }

    private static int Run(string storePath, string query, Dictionary<string, string> values, string format, string output, double timeoutSeconds)
    {
        using var cancellation = new CancellationTokenSource();
        var interrupted = false;
        if (timeoutSeconds > 0)
        {
            cancellation.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        }

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupted = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var clock = Stopwatch.StartNew();
        try
        {
            using var reader = Stores.OpenForReading(storePath);
            using var stream = output == "-" ? Console.OpenStandardOutput() : OutputFiles.Create(output);
            IResultWriter writer = format switch
            {
                "csv" => new CsvResultWriter(stream),
                "ndjson" => new NdjsonResultWriter(stream),
                _ => new TableResultWriter(),
            };
            try
            {
                var rows = reader.Hunt(query, values, writer, cancellation.Token);
                Console.Error.WriteLine($"rosetta: {rows:N0} row{(rows == 1 ? "" : "s")} in {clock.Elapsed.TotalSeconds:F3} s");
            }
            finally
            {
                (writer as IDisposable)?.Dispose();
            }

            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine(interrupted
                ? $"rosetta: the query was cancelled after {clock.Elapsed.TotalSeconds:F1} s; the store is unchanged"
                : $"rosetta: the query ran past --timeout {timeoutSeconds:0.###} s and was stopped; the store is unchanged");
            return ExitCodes.Stopped;
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"rosetta: {e.Message}");
            return ExitCodes.UsageOrUnreadable;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int List(IReadOnlyList<SavedHunt> hunts)
    {
        Tables.FitOutput();
        var clickHouse = SavedHunt.LoadAll(Stores.HuntFolder(ClickHouseLocation.Scheme)).Select(h => h.Name).ToHashSet();
        var table = new Table().AddColumns("name", "finds", "parameters (--param NAME=VALUE)", "stores");
        foreach (var hunt in hunts)
        {
            table.AddRow(
                Markup.Escape(hunt.Name),
                Markup.Escape(hunt.Title),
                Markup.Escape(string.Join("\n", hunt.Parameters.Select(p => $"{p.Name} = {p.Default}: {p.Meaning}"))),
                clickHouse.Contains(hunt.Name) ? "SQLite, ClickHouse" : "SQLite");
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Files in {Catalog.ShippedHunts} (ClickHouse's SQL in its clickhouse/ folder); run one with 'rosetta hunt --store STORE --saved NAME'.");
        return ExitCodes.Success;
    }
}
