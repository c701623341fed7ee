using Rosetta.Diagnostics;
using Rosetta.Dictionaries;
using Rosetta.Mapping;
using Rosetta.Schema;
using Rosetta.Schema.Profiles;

namespace Rosetta.Cli;

/// <summary>The dictionaries a command runs with: the shipped ones, plus the folders the user names, compiled.</summary>
internal sealed class Catalog
{
    private Catalog(DictionaryCatalog dictionaries, StandardNameCatalog names, IReadOnlyList<MappingPlan> plans, IReadOnlyList<Diagnostic> compileDiagnostics)
    {
        Dictionaries = dictionaries;
        StandardNames = names;
        Plans = plans;
        CompileDiagnostics = compileDiagnostics;
    }

    /// <summary>The folder of dictionaries shipped beside the executable.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "dictionaries");

    public DictionaryCatalog Dictionaries { get; }

    /// <summary>The standard names Rosetta knows, with their types.</summary>
    public StandardNameCatalog StandardNames { get; }

    /// <summary>The folder of output profiles shipped beside the executable.</summary>
    public static string ShippedSchemas => Path.Combine(AppContext.BaseDirectory, "schemas");

    /// <summary>The folder of saved hunts shipped beside the executable.</summary>
    public static string ShippedHunts => Path.Combine(AppContext.BaseDirectory, "hunts");

    /// <summary>The folder of Sigma field mappings shipped beside the executable.</summary>
    public static string ShippedSigma => Path.Combine(AppContext.BaseDirectory, "sigma");

    /// <summary>
    /// The output profile <paramref name="nameOrFile"/> names: a shipped profile (<c>ecs</c>) or a profile file.
    /// Null with the reason when there is none or it cannot be used.
    /// </summary>
    public static OutputProfile? LoadProfile(string nameOrFile, out string? error)
    {
        error = null;
        var profile = File.Exists(nameOrFile)
            ? ProfileReader.Read(nameOrFile, File.ReadAllText(nameOrFile))
            : ProfileCatalog.Load(ShippedSchemas).Find(nameOrFile);
        if (profile is null)
        {
            var known = string.Join(", ", ProfileCatalog.Load(ShippedSchemas).Profiles.Select(p => p.Name));
            error = $"no schema '{nameOrFile}' (shipped: {known}; or give a profile file)";
        }
        else if (profile.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } bad)
        {
            error = bad.ToString();
            return null;
        }

        return profile;
    }

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
        return new Catalog(dictionaries, names, plans, diagnostics);
    }
}
