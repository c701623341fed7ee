namespace Rosetta.Cli.Terminal;

/// <summary>Numbers as people read them.</summary>
internal static class Format
{
    public static string Bytes(double bytes) => bytes switch
    {
        < 1024 => $"{bytes:F0} B",
        < 1024 * 1024 => $"{bytes / 1024:F1} KB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024 * 1024):F1} MB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):F2} GB",
    };
}
