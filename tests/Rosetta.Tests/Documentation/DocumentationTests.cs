using Rosetta.Documentation;
using Rosetta.Schema;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Documentation;

/// <summary>The generated docs: the committed coverage matrix is current, and every source page runs its samples.</summary>
public class DocumentationTests
{
    private static StandardNameCatalog Names => StandardNameCatalog.Load(Path.Combine(Paths.ShippedDictionaries, "standard-names.yml"));

    [Fact]
    public void The_committed_matrix_is_what_the_shipped_dictionaries_give()
    {
        var committed = Path.Combine(Paths.Repository, "docs", "matrix.md");
        var generated = CoverageMatrix.Markdown(Engine.Default.Plans, Names);

        File.ReadAllText(committed).ReplaceLineEndings("\n").ShouldBe(generated.ReplaceLineEndings("\n"),
            "docs/matrix.md is stale: run 'rosetta dictionaries matrix -o docs/matrix.md' and commit it");
    }

    [Fact]
    public void The_matrix_tells_mapped_from_derived_names()
    {
        var sysmon = CoverageMatrix.Provided(Engine.Default.Plans.Single(p => p.SourceId == "sysmon.network"));
        sysmon["process_path"].ShouldBe(CoverageMatrix.Mapped);
        sysmon["process_name"].ShouldBe(CoverageMatrix.Derived); // from Image
        sysmon["network_community_id"].ShouldBe(CoverageMatrix.Derived);
        sysmon.ShouldNotContainKey("dst_mac");

        var zeek = CoverageMatrix.Provided(Engine.Default.Plans.Single(p => p.SourceId == "zeek.conn"));
        zeek.ShouldNotContainKey("process_side"); // a sensor reports no process
        zeek.ShouldNotContainKey("process_name");
    }

    [Theory]
    [InlineData("sysmon.network", "\"network_direction\": \"outbound\"")]
    [InlineData("sysmon.process", "\"process_parent_name\": \"services.exe\"")]
    [InlineData("sentinelone.dv.network", "\"dst_ip\": \"40.97.28.98\"")]
    [InlineData("windows.security.5156", "Rosetta does not normalize this sample as it stands")]
    [InlineData("zeek.conn", "| `id.orig_h` | src_ip | ip |")]
    public void A_source_page_lists_its_fields_and_what_its_samples_normalize_to(string source, string expected)
    {
        var plan = Engine.Default.Plans.Single(p => p.SourceId == source);

        var page = DictionaryPage.Markdown(plan, Engine.Default);

        page.ShouldStartWith($"# {source}: ");
        page.ShouldContain("## Fields");
        page.ShouldContain(expected);
    }
}
