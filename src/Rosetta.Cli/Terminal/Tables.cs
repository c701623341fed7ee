using Spectre.Console;

namespace Rosetta.Cli.Terminal;

/// <summary>How tables are rendered.</summary>
internal static class Tables
{
    /// <summary>With no terminal to fit (output piped to a file), tables are not wrapped at 80 columns.</summary>
    public static void FitOutput()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }
    }
}
