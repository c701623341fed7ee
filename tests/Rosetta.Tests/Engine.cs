using System.Text;
using System.Text.Json;
using Rosetta.Dictionaries;
using Rosetta.Mapping;
using Rosetta.Pipeline;
using Rosetta.Schema;
using Rosetta.Sinks;
using Rosetta.Sources;

namespace Rosetta.Tests;

/// <summary>Runs the real engine with the shipped dictionaries, in memory, for tests.</summary>
internal static class Engine
{
    private static readonly Lazy<Normalizer> Shipped = new(() => Create(Paths.ShippedDictionaries));

    public static Normalizer Default => Shipped.Value;

    /// <summary>The shipped dictionaries, writing records in a shipped output profile (<c>ecs</c> ...).</summary>
    public static Normalizer WithSchema(string name)
    {
        var profile = global::Rosetta.Schema.Profiles.ProfileCatalog.Load(Paths.ShippedSchemas).Find(name) ?? throw new ArgumentException(name);
        return new Normalizer(Default.Plans, profile);
    }

    public static Normalizer Create(params string[] folders)
    {
        var catalog = DictionaryCatalog.Load(folders);
        var names = StandardNameCatalog.Load(Path.Combine(Paths.ShippedDictionaries, DictionaryCatalog.StandardNameFile));
        var (plans, diagnostics) = PlanCompiler.Compile(catalog, names);
        if (diagnostics.Count > 0 || catalog.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics.Concat(catalog.Diagnostics)));
        }

        return new Normalizer(plans);
    }

    public static Result Run(string path, NormalizeOptions? options = null, Normalizer? normalizer = null) =>
        Run([new InputSource(path, new FileInfo(path).Length)], options, normalizer);

    public static Result Run(IReadOnlyList<InputSource> inputs, NormalizeOptions? options = null, Normalizer? normalizer = null, RunProgress? progress = null)
    {
        using var output = new MemoryStream();
        using var dead = new MemoryStream();
        RunSummary summary;
        using (var sink = new NdjsonSink(output, ownsStream: false))
        using (var deadLetters = new DeadLetterSink(() => new NonClosingStream(dead)))
        {
            summary = (normalizer ?? Default).Run(inputs, options ?? new NormalizeOptions(), sink, deadLetters, progress);
        }

        return new Result(summary, Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(dead.ToArray()));
    }

    /// <summary>Normalizes one event given as text (written to a temporary file, as a user would have it).</summary>
    public static Result RunText(string text, string extension = ".ndjson", NormalizeOptions? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rosetta-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        try
        {
            return Run(path, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal sealed record Result(RunSummary Summary, string Output, string DeadLetters)
    {
        public List<JsonElement> Records => Lines(Output);

        public List<JsonElement> Dead => Lines(DeadLetters);

        private static List<JsonElement> Lines(string text) =>
            [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
