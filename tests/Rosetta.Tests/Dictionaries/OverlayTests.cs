using Rosetta.Dictionaries;
using Rosetta.Mapping;
using Rosetta.Schema;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Dictionaries;

public class OverlayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-overlay-").FullName;

    public OverlayTests() => File.Copy(Paths.Seed003, Path.Combine(_folder, "seed.txt"));

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private (DictionaryCatalog Catalog, IReadOnlyList<MappingPlan> Plans, IReadOnlyList<Rosetta.Diagnostics.Diagnostic> Compile) Load(string overlay)
    {
        File.WriteAllText(Path.Combine(_folder, "seed.rosetta.yml"), overlay);
        var catalog = DictionaryCatalog.Load([_folder]);
        var (plans, diagnostics) = PlanCompiler.Compile(catalog, StandardNameCatalog.Empty);
        return (catalog, plans, diagnostics);
    }

    [Fact]
    public void A_minimal_overlay_makes_the_dictionary_run()
    {
        var (_, plans, diagnostics) = Load("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\n");

        diagnostics.ShouldBeEmpty();
        var plan = plans.ShouldHaveSingleItem();
        plan.Fields.Select(f => f.StandardName).ShouldBe(["src_ip", "src_port", "dst_ip", "dst_port", "process_id", "event_date_creation"]);
        plan.Fields.Single(f => f.StandardName == "process_id").Type.ShouldBe(FieldType.String); // no type cell, no fix
    }

    [Fact]
    public void Unknown_keys_are_errors_with_their_line()
    {
        var (catalog, plans, _) = Load("id: s1\nextends: seed.txt\nrecognise:\n  present: [tcpv4]\n");

        var error = catalog.Overlays.Single().Diagnostics.ShouldHaveSingleItem();
        (error.Code, error.Line).ShouldBe(("RO002", 3));
        plans.ShouldBeEmpty();
    }

    [Fact]
    public void An_overlay_whose_dictionary_is_missing_cannot_run()
    {
        var (catalog, plans, _) = Load("id: s1\nextends: nowhere.txt\nrecognize:\n  present: [tcpv4]\n");

        catalog.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RC003");
        plans.ShouldBeEmpty();
    }

    [Fact]
    public void Naming_a_field_the_dictionary_lacks_is_an_error()
    {
        var (_, plans, diagnostics) = Load("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\ntypes:\n  tcpv4.source.pid: integer\n");

        var error = diagnostics.ShouldHaveSingleItem();
        (error.Code, error.Line).ShouldBe(("RO010", 6));
        plans.ShouldBeEmpty();
    }

    [Fact]
    public void An_overlay_that_cannot_recognize_anything_is_an_error()
    {
        var (_, plans, diagnostics) = Load("id: s1\nextends: seed.txt\n");

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RO013");
        plans.ShouldBeEmpty();
    }

    [Fact]
    public void Two_fields_for_one_standard_name_is_an_error()
    {
        var (_, _, diagnostics) = Load("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\nfields:\n  - { standard_name: src_ip, field: tcpv4.other }\n");

        diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RO011");
    }

    [Theory]
    [InlineData("id: [a\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("id: s1\nextends: seed.txt\nrecognize: yes\n")]
    [InlineData("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\nfields: 3\n")]
    [InlineData("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\naliases:\n  src: {}\n")]
    public void A_malformed_overlay_is_an_error_not_an_exception(string overlay)
    {
        var (catalog, plans, compile) = Load(overlay);

        catalog.AllDiagnostics.Concat(compile).ShouldContain(d => d.Severity == Rosetta.Diagnostics.Severity.Error);
        plans.ShouldBeEmpty();
    }
}
