using System.CommandLine;
using System.Text.Json;
using Rosetta.Cli.Terminal;
using Rosetta.Storage;
using Spectre.Console;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta store info --store PATH.db</c>: what a store holds.</summary>
internal static class StoreCommand
{

    public static Command Create() => new("store", "Look into a store written by 'rosetta normalize --store' (a SQLite file, or clickhouse://...)")
    {
        Info(),
    };

    private static Command Info()
    {
        var store = new Option<string>("--store") { Description = "The store: a SQLite file, or clickhouse://HOST:PORT/DATABASE[?cluster=NAME]", Required = true };
        var format = new Option<string>("--format") { Description = "table, or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("info", "Records per source with the time range each covers, and the runs that wrote the store") { store, format };
        command.SetAction(result =>
        {
            StoreInfo info;
            try
            {
                using var reader = Stores.OpenForReading(result.GetRequiredValue(store));
                info = reader.Info();
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"rosetta: {e.Message}");
                return ExitCodes.UsageOrUnreadable;
            }

            if (result.GetRequiredValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(info, CliJson.Default.StoreInfo));
                return ExitCodes.Success;
            }

            Print(info);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(StoreInfo info)
    {
        Tables.FitOutput();
        AnsiConsole.WriteLine($"{info.Path}: {info.Events:N0} records, {Format.Bytes(info.Bytes)}, schema version {info.SchemaVersion}, {info.Columns} columns in events");
        var sources = new Table().AddColumns("source", "records", "first event", "last event");
        sources.Columns[1].RightAligned();
        foreach (var source in info.Sources)
        {
            sources.AddRow(Markup.Escape(source.Source), source.Events.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), source.First ?? "", source.Last ?? "");
        }

        AnsiConsole.Write(sources);
        var runs = new Table().AddColumns("run", "started", "finished", "stored", "already stored", "dead letters", "inputs");
        foreach (var run in info.Ingests.Take(10))
        {
            runs.AddRow(
                run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                run.Started,
                run.Finished ?? "[yellow]interrupted[/]",
                Count(run.Stored),
                Count(run.Duplicates),
                Count(run.DeadLetters),
                Markup.Escape(Inputs(run.Inputs)));
        }

        AnsiConsole.Write(runs);
        if (info.Ingests.Count > 10)
        {
            AnsiConsole.WriteLine($"... and {info.Ingests.Count - 10} earlier runs");
        }
    }

    private static string Count(long? value) => value?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string Inputs(string json)
    {
        var inputs = JsonSerializer.Deserialize(json, CliJson.Default.StringArray) ?? [];
        return inputs.Length <= 2 ? string.Join(", ", inputs) : $"{inputs[0]}, {inputs[1]} and {inputs.Length - 2} more";
    }
}
