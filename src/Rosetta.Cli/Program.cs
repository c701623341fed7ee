using System.CommandLine;
using Rosetta.Cli.Commands;

namespace Rosetta.Cli;

/// <summary>The <c>rosetta</c> command: normalize security telemetry to OSSEM standard names.</summary>
internal static class Program
{
    private static int Main(string[] args) => Build().Parse(args).Invoke();

    /// <summary>The command tree; tests invoke it in process.</summary>
    internal static RootCommand Build() => new("Rosetta: normalize security telemetry to OSSEM standard names, driven by data dictionaries.")
    {
        NormalizeCommand.Create(),
        DictionariesCommand.Create(),
        SchemasCommand.Create(),
    };
}
