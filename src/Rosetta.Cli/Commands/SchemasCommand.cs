using System.CommandLine;
using Rosetta.Cli.Terminal;
using Rosetta.Schema;
using Rosetta.Schema.Profiles;
using Spectre.Console;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta schemas list | show NAME</c>: the output profiles <c>normalize --schema</c> writes.</summary>
internal static class SchemasCommand
{
    public static Command Create() => new("schemas", "List and show the output schemas (OSSEM, OSSEM-CDM, ECS, OCSF, ASIM)")
    {
        List(),
        Show(),
    };

    private static Command List()
    {
        var command = new Command("list", "List the shipped output schemas");
        command.SetAction(_ =>
        {
            Tables.FitOutput();
            var table = new Table().AddColumns("schema", "title", "fields", "file");
            foreach (var profile in ProfileCatalog.Load(Catalog.ShippedSchemas).Profiles)
            {
                table.AddRow(
                    Markup.Escape(profile.Name),
                    Markup.Escape(profile.Title),
                    profile.Identity ? "all" : profile.Fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(Path.GetFileName(profile.Path)));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "A shipped schema (ecs, ocsf ...) or a profile file" };
        var command = new Command("show", "Show where each standard name goes in a schema, and which it cannot express") { name };
        command.SetAction(result =>
        {
            if (Catalog.LoadProfile(result.GetRequiredValue(name), out var error) is not { } profile)
            {
                Console.Error.WriteLine($"rosetta: {error}");
                return ExitCodes.UsageOrUnreadable;
            }

            var names = Catalog.Load([]).StandardNames;
            Tables.FitOutput();
            Console.WriteLine($"{profile.Name}: {profile.Title}");
            if (profile.Reference is not null)
            {
                Console.WriteLine($"  specified at {profile.Reference}");
            }

            var table = new Table().AddColumns("standard name", "type", "target", "conversion");
            foreach (var standard in names.Names)
            {
                var targets = profile.Identity
                    ? [new ProfileField { StandardName = standard.Name, Path = standard.Name }]
                    : profile.Fields.Where(f => f.StandardName == standard.Name).ToList();
                foreach (var field in targets)
                {
                    table.AddRow(
                        Markup.Escape(standard.Name),
                        Markup.Escape(FieldTypeNames.Name(standard.Type)),
                        Markup.Escape(field.DstPath is null ? field.Path : $"{field.Path} (process on src), {field.DstPath} (on dst)"),
                        Markup.Escape(Conversion(field)));
                }
            }

            foreach (var constant in profile.Constants)
            {
                table.AddRow("(constant)", "", Markup.Escape(constant.Path), Markup.Escape(constant.Json));
            }

            AnsiConsole.Write(table);
            var missing = names.Names.Where(n => !profile.Identity && profile.Fields.All(f => f.StandardName != n.Name)).Select(n => n.Name).ToList();
            if (missing.Count > 0)
            {
                Console.WriteLine($"cannot express {missing.Count} standard names: {string.Join(", ", missing)}");
                Console.WriteLine(profile.Unmapped is null
                    ? "  (they are left out of records written in this schema)"
                    : $"  (records keep them under '{profile.Unmapped}', by their standard names)");
            }

            foreach (var diagnostic in profile.Diagnostics)
            {
                Console.WriteLine(diagnostic);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Conversion(ProfileField field)
    {
        var parts = new List<string>();
        if (field.As == ProfileConversion.String)
        {
            parts.Add("as text");
        }
        else if (field.As == ProfileConversion.EpochMilliseconds)
        {
            parts.Add("epoch milliseconds");
        }

        if (field.Values is not null)
        {
            parts.Add(string.Join(", ", field.Values.Select(kv => $"{kv.Key}={kv.Value}")) + (field.Default is null ? "" : $", else {field.Default}"));
        }

        if (field.Absent is not null)
        {
            parts.Add($"absent={field.Absent}");
        }

        return string.Join("; ", parts);
    }
}
