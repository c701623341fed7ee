namespace Rosetta.Diagnostics;

/// <summary>One finding about a file: where it is, how bad it is and what it means, in plain words.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="Code">A stable identifier, e.g. <c>RD103</c>, so that tests and users can refer to it.</param>
/// <param name="File">The file the finding is about.</param>
/// <param name="Line">The 1-based line, or 0 when the finding is about the whole file.</param>
/// <param name="Message">What is wrong and what Rosetta did about it.</param>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, string Message)
{
    /// <summary>Formats as <c>file:line: severity CODE: message</c>, the shape compilers use.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        return $"{where}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
