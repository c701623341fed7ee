using Rosetta.Diagnostics;
using Rosetta.Dictionaries;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Dictionaries;

/// <summary>Every real OSSEM dictionary in ../shared loads without an exception; the counts are pinned.</summary>
public class OssemCorpusTests
{
    [Fact]
    public void All_661_OSSEM_DD_YAML_dictionaries_load()
    {
        var catalog = DictionaryCatalog.Load([Path.Combine(Paths.Shared, "ossem-dd")]);

        catalog.Dictionaries.Count.ShouldBe(661); // the README.yml indexes are not dictionaries
        catalog.Diagnostics.ShouldBeEmpty();
        var withDiagnostics = catalog.Dictionaries.Where(d => d.Diagnostics.Count > 0).ToList();
        withDiagnostics.Count.ShouldBe(Pinned.YamlWithDiagnostics, Describe(withDiagnostics));
        catalog.Dictionaries.Count(d => d.Diagnostics.Any(x => x.Severity == Severity.Error)).ShouldBe(0);
        catalog.Dictionaries.Sum(d => d.Fields.Count).ShouldBe(Pinned.YamlFields);
        catalog.Dictionaries.Count(d => d.Samples.Count > 0).ShouldBe(26);
    }

    [Fact]
    public void All_134_OSSEM_markdown_dictionaries_load()
    {
        var catalog = DictionaryCatalog.Load([Path.Combine(Paths.Shared, "ossem-md")]);

        catalog.Dictionaries.Count.ShouldBe(134); // README.md files are indexes
        var withDiagnostics = catalog.Dictionaries.Where(d => d.Diagnostics.Any(x => x.Severity >= Severity.Warning)).ToList();
        withDiagnostics.Count.ShouldBe(Pinned.MarkdownWithWarnings, Describe(withDiagnostics));
        catalog.Dictionaries.Count(d => d.Fields.Count == 0).ShouldBe(Pinned.MarkdownWithoutFields);
        catalog.Dictionaries.Sum(d => d.Fields.Count).ShouldBe(Pinned.MarkdownFields);
    }

    [Fact]
    public void A_misspelt_field_key_is_read_and_reported()
    {
        var catalog = DictionaryCatalog.Load([Path.Combine(Paths.Shared, "ossem-dd")]);

        var typos = catalog.Dictionaries.SelectMany(d => d.Diagnostics).Where(d => d.Message.Contains("'samepl_value', read as 'sample_value'")).ToList();
        typos.Count.ShouldBe(2);
    }

    private static string Describe(List<DataDictionary> dictionaries) =>
        string.Join("\n", dictionaries.SelectMany(d => d.Diagnostics).Take(40));

    /// <summary>Counts measured on the pinned ../shared snapshot; a change here is a change in what Rosetta reports.</summary>
    private static class Pinned
    {
        public const int YamlWithDiagnostics = 13;
        public const int YamlFields = 7016;
        public const int MarkdownWithWarnings = 92;
        public const int MarkdownWithoutFields = 2;
        public const int MarkdownFields = 1586;
    }
}
