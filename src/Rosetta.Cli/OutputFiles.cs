namespace Rosetta.Cli;

/// <summary>The files the CLI writes results to, and the dead letters' place beside them.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Creates <paramref name="path"/> for writing. A file is the run's alone; a device (<c>/dev/null</c>) is shared
    /// with whatever else writes to it, such as another run whose records are thrown away.
    /// </summary>
    public static Stream Create(string path) =>
        new FileStream(path, FileMode.Create, FileAccess.Write, IsDevice(path) ? FileShare.ReadWrite : FileShare.None);

    /// <summary>Where the dead letters go when not told: beside the output file, or in the working folder for standard output or a device.</summary>
    public static string DeadLettersBeside(string output) =>
        output == "-" || IsDevice(output) ? "rosetta.dead-letter.ndjson" : output + ".dead-letter.ndjson";

    private static bool IsDevice(string path) => Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal);
}
