namespace Rosetta.Cli;

/// <summary>The exit codes of every rosetta command, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran; dead letters, if any, are in the dead-letter output.</summary>
    public const int Success = 0;

    /// <summary>Bad usage, or a dictionary, overlay or input that cannot be read.</summary>
    public const int UsageOrUnreadable = 2;

    /// <summary>Under --strict: some events were not normalized, or some dictionary has defects.</summary>
    public const int StrictFailures = 3;

    /// <summary>A hunt was stopped: Ctrl-C, or it ran past --timeout.</summary>
    public const int Stopped = 4;
}
