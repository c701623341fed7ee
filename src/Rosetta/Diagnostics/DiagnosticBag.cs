namespace Rosetta.Diagnostics;

/// <summary>Collects the diagnostics of one file while it is read.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Creates a bag for the given file.</summary>
    public DiagnosticBag(string file) => File = file;

    /// <summary>The file every diagnostic of this bag is about.</summary>
    public string File { get; }

    /// <summary>The diagnostics in the order they were found.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Records a warning: a defect that was recovered from.</summary>
    public void Warn(string code, int line, string message) => _items.Add(new(Severity.Warning, code, File, line, message));

    /// <summary>Records an error: a defect that made part of the file unusable.</summary>
    public void Error(string code, int line, string message) => _items.Add(new(Severity.Error, code, File, line, message));

    /// <summary>Records an informational finding.</summary>
    public void Info(string code, int line, string message) => _items.Add(new(Severity.Info, code, File, line, message));
}
