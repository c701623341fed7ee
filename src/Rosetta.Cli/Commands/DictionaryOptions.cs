using System.CommandLine;

namespace Rosetta.Cli.Commands;

/// <summary>The options every command that loads dictionaries shares.</summary>
internal static class DictionaryOptions
{
    public static Option<string[]> Folders() => new("--dictionaries", "-d")
    {
        Description = "More folders or files of dictionaries and overlays, loaded after the shipped ones",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> NoShipped() => new("--no-shipped-dictionaries")
    {
        Description = "Do not load the dictionaries shipped with Rosetta",
    };
}
