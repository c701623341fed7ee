using System.CommandLine;
using Rosetta.Cli.Terminal;
using Rosetta.Diagnostics;
using Rosetta.Dictionaries;
using Rosetta.Dictionaries.Overlays;
using Rosetta.Mapping;
using Rosetta.Schema;
using Spectre.Console;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta dictionaries list | show NAME | check [PATH...] | docs -o DIR | matrix</c>.</summary>
internal static class DictionariesCommand
{
    public static Command Create() => new("dictionaries", "List, show and check data dictionaries and overlays")
    {
        List(),
        Show(),
        Check(),
        DocsCommands.Docs(),
        DocsCommands.Matrix(),
    };

    private static Command List()
    {
        var folders = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var all = new Option<bool>("--all") { Description = "Also list dictionaries without an overlay (documentation only)" };
        var command = new Command("list", "List the sources Rosetta can normalize, and the dictionaries behind them") { folders, noShipped, all };
        command.SetAction(result =>
        {
            var catalog = Catalog.Load(result.GetValue(folders) ?? [], !result.GetValue(noShipped));
            Tables.FitOutput();
            var table = new Table().AddColumns("source", "event", "mapped", "recognized by", "warnings", "dictionary");
            foreach (var plan in catalog.Plans)
            {
                table.AddRow(
                    Markup.Escape(plan.SourceId),
                    Markup.Escape(plan.EventName),
                    plan.Fields.Count.ToString(),
                    Markup.Escape(Recognition(plan)),
                    Warnings(plan.Dictionary.Diagnostics.Concat(plan.Overlay.Diagnostics)).ToString(),
                    Markup.Escape(Shown(plan.Dictionary.Path)));
            }

            var running = catalog.Plans.Select(p => p.Dictionary).ToHashSet();
            var others = catalog.Dictionaries.Dictionaries.Where(d => !running.Contains(d)).ToList();
            if (result.GetValue(all))
            {
                foreach (var dictionary in others)
                {
                    table.AddRow("", Markup.Escape(dictionary.DisplayName), "-", "(no overlay)", Warnings(dictionary.Diagnostics).ToString(), Markup.Escape(Shown(dictionary.Path)));
                }
            }

            AnsiConsole.Write(table);
            if (!result.GetValue(all) && others.Count > 0)
            {
                Console.WriteLine($"{others.Count} more dictionaries have no overlay (documentation only); --all lists them");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "A source id, an event name, or a dictionary's file name" };
        var folders = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var command = new Command("show", "Show a dictionary: its mappings, types, recognition and diagnostics") { name, folders, noShipped };
        command.SetAction(result =>
        {
            var catalog = Catalog.Load(result.GetValue(folders) ?? [], !result.GetValue(noShipped));
            var wanted = result.GetRequiredValue(name);
            var plan = catalog.Plans.FirstOrDefault(p => Named(p.SourceId, wanted) || Named(p.EventName, wanted) || Named(Path.GetFileName(p.Dictionary.Path), wanted));
            var dictionary = plan?.Dictionary ?? catalog.Dictionaries.Dictionaries.FirstOrDefault(d =>
                Named(d.DisplayName, wanted) || Named(Path.GetFileName(d.Path), wanted) || d.Path.EndsWith(wanted, StringComparison.Ordinal));
            if (dictionary is null)
            {
                Console.Error.WriteLine($"rosetta: no source or dictionary named '{wanted}' (see 'rosetta dictionaries list --all')");
                return ExitCodes.UsageOrUnreadable;
            }

            Print(dictionary, plan);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Dictionary or overlay files or folders (default: the ones Rosetta runs with)", Arity = ArgumentArity.ZeroOrMore };
        var folders = DictionaryOptions.Folders();
        var strict = new Option<bool>("--strict") { Description = "Exit 3 when any warning or error is found" };
        var command = new Command("check", "Check dictionaries and overlays; print every diagnostic with file:line") { paths, folders, strict };
        command.SetAction(result =>
        {
            var given = result.GetValue(paths) ?? [];
            var catalog = given.Length > 0 ? Catalog.Load(given, withShipped: false) : Catalog.Load(result.GetValue(folders) ?? []);
            var diagnostics = catalog.AllDiagnostics.ToList();
            foreach (var diagnostic in diagnostics)
            {
                Console.WriteLine(diagnostic);
            }

            var files = catalog.Dictionaries.Dictionaries.Count + catalog.Dictionaries.Overlays.Count;
            var withDiagnostics = diagnostics.Select(d => d.File).Distinct().Count();
            Console.WriteLine(
                $"checked {catalog.Dictionaries.Dictionaries.Count} dictionaries and {catalog.Dictionaries.Overlays.Count} overlays: {files - withDiagnostics} clean, {withDiagnostics} with diagnostics " +
                $"({Count(diagnostics, Severity.Error)} errors, {Count(diagnostics, Severity.Warning)} warnings, {Count(diagnostics, Severity.Info)} notes); {catalog.Plans.Count} sources can run");
            if (catalog.Dictionaries.Diagnostics.Any(d => d.Code is "RC001" or "RC002"))
            {
                return ExitCodes.UsageOrUnreadable;
            }

            return result.GetValue(strict) && diagnostics.Any(d => d.Severity >= Severity.Warning) ? ExitCodes.StrictFailures : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(DataDictionary dictionary, MappingPlan? plan)
    {
        Console.WriteLine($"{dictionary.DisplayName}: {dictionary.Title}");
        Console.WriteLine($"  file:        {dictionary.Path} ({dictionary.Format.ToString().ToLowerInvariant()}, {dictionary.Fields.Count} fields)");
        if (dictionary.LogSource is not null)
        {
            Console.WriteLine($"  log source:  {dictionary.LogSource}");
        }

        if (dictionary.Description is not null)
        {
            Console.WriteLine($"  description: {dictionary.Description}");
        }

        if (plan is null)
        {
            Console.WriteLine("  no overlay: Rosetta documents this dictionary but does not run it");
        }
        else
        {
            Console.WriteLine($"  source:      {plan.SourceId} ({plan.Overlay.Source}), overlay {plan.Overlay.Path}");
            Console.WriteLine($"  recognized:  {Recognition(plan)}");
            var table = new Table().AddColumns("standard name", "type", "vendor field", "from");
            foreach (var field in plan.Fields)
            {
                table.AddRow(Markup.Escape(field.StandardName), field.Type.ToString().ToLowerInvariant(),
                    Markup.Escape(string.Join(" | ", field.Paths)), Markup.Escape(field.Origin));
            }

            AnsiConsole.Write(table);
            var mapped = plan.Fields.SelectMany(f => f.Paths).ToHashSet(StringComparer.Ordinal);
            var vendorOnly = dictionary.Fields.Where(f => !mapped.Contains(f.FieldName)).Select(f => f.FieldName).ToList();
            if (vendorOnly.Count > 0)
            {
                Console.WriteLine($"  kept as vendor fields: {string.Join(", ", vendorOnly)}");
            }

            foreach (var (name, value) in plan.Constants)
            {
                Console.WriteLine($"  constant:    {name} = {value} (when the event carries none)");
            }

            PrintOrientation(plan.Overlay.Orientation);
        }

        var diagnostics = dictionary.Diagnostics.Concat(plan?.Overlay.Diagnostics ?? []).ToList();
        Console.WriteLine(diagnostics.Count == 0 ? "  no diagnostics" : $"  {diagnostics.Count} diagnostics:");
        foreach (var diagnostic in diagnostics)
        {
            Console.WriteLine("    " + diagnostic);
        }
    }

    private static void PrintOrientation(Orientation? orientation)
    {
        if (orientation is null)
        {
            return;
        }

        Console.WriteLine(orientation.SourceIsLocal
            ? $"  orientation: src_* is the reporting host; inbound and listening records swap src_* and dst_*, by {string.Join(" + ", orientation.By)}"
            : $"  orientation: src_* is the initiator (never swapped); direction by {string.Join(" + ", orientation.By)}");
        if (orientation.Details is { } details)
        {
            Console.WriteLine($"  details:     {details.Field}.{details.Member}: {string.Join(", ", details.Values.Select(kv => $"{kv.Key}={NetworkDirections.Name(kv.Value)}"))}; missing = unknown");
        }

        var table = new Table().AddColumns(Markup.Escape(string.Join(",", orientation.By)), "direction", "src/dst");
        foreach (var (value, row) in orientation.Cases)
        {
            var direction = row.FromDetails ? "details" : NetworkDirections.Name(row.Direction);
            var swapped = row.Swap ?? (orientation.SourceIsLocal && !row.FromDetails && row.Direction is NetworkDirection.Inbound or NetworkDirection.Listening);
            table.AddRow(Markup.Escape(value), Markup.Escape(direction), row.FromDetails && row.Swap is null && orientation.SourceIsLocal ? "swapped when In" : swapped ? "swapped" : "as mapped");
        }

        AnsiConsole.Write(table);
    }

    private static string Recognition(MappingPlan plan)
    {
        var parts = new List<string>();
        if (plan.Recognize.Tables.Count > 0)
        {
            parts.Add("table " + string.Join(" or ", plan.Recognize.Tables));
        }

        if (plan.Recognize.Present.Count > 0)
        {
            parts.Add("fields " + string.Join(", ", plan.Recognize.Present));
        }

        foreach (var (field, values) in plan.Recognize.Equal)
        {
            parts.Add($"{field} = {string.Join(" or ", values.Value)}");
        }

        if (plan.Recognize.Absent.Count > 0)
        {
            parts.Add("without " + string.Join(", ", plan.Recognize.Absent));
        }

        return string.Join("; ", parts);
    }

    /// <summary>A path relative to the shipped folder or the working folder, whichever is shorter.</summary>
    private static string Shown(string path)
    {
        var shipped = Path.GetRelativePath(Catalog.ShippedFolder, path);
        var here = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return shipped.StartsWith("..", StringComparison.Ordinal) ? here : shipped.Length <= here.Length ? shipped : here;
    }

    private static bool Named(string? candidate, string wanted) => string.Equals(candidate, wanted, StringComparison.OrdinalIgnoreCase);

    private static int Warnings(IEnumerable<Diagnostic> diagnostics) => diagnostics.Count(d => d.Severity >= Severity.Warning);

    private static int Count(List<Diagnostic> diagnostics, Severity severity) => diagnostics.Count(d => d.Severity == severity);
}
