using Rosetta.Diagnostics;
using Rosetta.Dictionaries;
using Rosetta.Mapping;
using Rosetta.Schema;

namespace Rosetta.Cli;

/// <summary>The dictionaries a command runs with: the shipped ones, plus the folders the user names, compiled.</summary>
internal sealed class Catalog
{
    private Catalog(DictionaryCatalog dictionaries, IReadOnlyList<MappingPlan> plans, IReadOnlyList<Diagnostic> compileDiagnostics)
    {
        Dictionaries = dictionaries;
        Plans = plans;
        CompileDiagnostics = compileDiagnostics;
    }

    /// <summary>The folder of dictionaries shipped beside the executable.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "dictionaries");

    public DictionaryCatalog Dictionaries { get; }

    public IReadOnlyList<MappingPlan> Plans { get; }

    /// <summary>What compiling the overlays found (a field an overlay names that its dictionary lacks ...).</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics { get; }

    /// <summary>Every diagnostic of every file, and of compiling them.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics => Dictionaries.AllDiagnostics.Concat(CompileDiagnostics);

    /// <summary>Errors that stop a source from running: bad overlays, missing dictionaries, compile errors.</summary>
    public IEnumerable<Diagnostic> BlockingErrors =>
        Dictionaries.Diagnostics.Concat(Dictionaries.Overlays.SelectMany(o => o.Diagnostics)).Concat(CompileDiagnostics)
            .Where(d => d.Severity == Severity.Error);

    public static Catalog Load(IEnumerable<string> extraFolders, bool withShipped = true)
    {
        var folders = (withShipped ? [ShippedFolder] : Array.Empty<string>()).Concat(extraFolders).ToList();
        var dictionaries = DictionaryCatalog.Load(folders);
        var standardNames = Path.Combine(ShippedFolder, DictionaryCatalog.StandardNameFile);
        var names = File.Exists(standardNames) ? StandardNameCatalog.Load(standardNames) : StandardNameCatalog.Empty;
        var (plans, diagnostics) = PlanCompiler.Compile(dictionaries, names);
        return new Catalog(dictionaries, plans, diagnostics);
    }
}
