using System.CommandLine;
using Rosetta.Cli.Commands;

namespace Rosetta.Cli;

/// <summary>The <c>rosetta</c> command: normalize security telemetry to OSSEM standard names.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var result = Build().Parse(args);
        if (result.Errors.Count == 0)
        {
            return result.Invoke();
        }

        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"rosetta: {error.Message}");
        }

        var path = new List<string>();
        for (var command = result.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, command.Parent is null ? "rosetta" : command.Command.Name);
        }

        Console.Error.WriteLine($"('{string.Join(' ', path)} --help' shows the usage)");
        return ExitCodes.UsageOrUnreadable;
    }

    /// <summary>The command tree; tests invoke it in process.</summary>
    internal static RootCommand Build() => new("Rosetta: normalize security telemetry to OSSEM standard names, driven by data dictionaries.")
    {
        NormalizeCommand.Create(),
        HuntCommand.Create(),
        DetectCommand.Create(),
        DetectCommand.CreateRules(),
        StoreCommand.Create(),
        DictionariesCommand.Create(),
        SchemasCommand.Create(),
    };
}
