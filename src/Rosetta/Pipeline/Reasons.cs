namespace Rosetta.Pipeline;

/// <summary>Groups dead-letter reasons for the summary: a reason without its byte positions.</summary>
internal static class Reasons
{
    /// <summary>"malformed JSON: ... LineNumber: 0 | BytePositionInLine: 12." groups as "malformed JSON: ...".</summary>
    public static string Generalize(string reason)
    {
        var at = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? reason : reason[..at].TrimEnd();
    }
}
