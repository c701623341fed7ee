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

    private (DictionaryCatalog Catalog, IReadOnlyList<MappingPlan> Plans, IReadOnlyList<Rosetta.Diagnostics.Diagnostic> Compile) Load(string overlay, StandardNameCatalog? names = null)
    {
        File.WriteAllText(Path.Combine(_folder, "seed.rosetta.yml"), overlay);
        var catalog = DictionaryCatalog.Load([_folder]);
        var (plans, diagnostics) = PlanCompiler.Compile(catalog, names ?? StandardNameCatalog.Empty);
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

    [Fact]
    public void An_overlay_field_row_keeps_its_own_standard_name_when_standard_names_renames_the_dictionary_row()
    {
        var (_, plans, diagnostics) = Load(
            "id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\nstandard_names:\n  tcpv4.sourceAddress.address: source_address\n"
            + "fields:\n  - { standard_name: initiator_ip, field: tcpv4.sourceAddress.address }\n");

        diagnostics.ShouldBeEmpty();
        var names = plans.ShouldHaveSingleItem().Fields.Select(f => f.StandardName).ToList();
        names.ShouldContain("source_address");
        names.ShouldContain("initiator_ip");
    }

    [Fact]
    public void Constants_are_text_a_protocol_constant_is_its_keyword_and_a_typed_one_is_an_error_with_its_line()
    {
        var names = StandardNameCatalog.Load(Path.Combine(Paths.ShippedDictionaries, "standard-names.yml"));

        var (_, plans, _) = Load("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\nconstants:\n  network_protocol: TcpV4\n", names);
        var (_, _, errors) = Load("id: s1\nextends: seed.txt\nrecognize:\n  present: [tcpv4]\nconstants:\n  dst_port: 443\n", names);

        plans.ShouldHaveSingleItem().Constants["network_protocol"].ShouldBe("tcp");
        var error = errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("RO015");
        error.Line.ShouldBe(6);
    }

    [Fact]
    public void OSSEM_CDM_names_resolve_through_the_catalog_and_an_unknown_one_is_a_warning_that_leaves_the_field_unmapped()
    {
        var names = StandardNameCatalog.Load(Path.Combine(Paths.ShippedDictionaries, "standard-names.yml"));
        File.Copy(Path.Combine(Paths.Shared, "ossem-dd", "windows", "carbonblack", "events", "netconn.yml"), Path.Combine(_folder, "netconn.yml"));
        File.Delete(Path.Combine(_folder, "seed.txt"));

        var (_, plans, diagnostics) = Load("id: cb\nextends: netconn.yml\nrecognize:\n  present: [remote_ip]\nignore: [port]\n", names);

        var fields = plans.ShouldHaveSingleItem().Fields.ToDictionary(f => f.Paths[0], f => f.StandardName);
        fields["local_ip"].ShouldBe("src_ip");      // SrcIpAddr
        fields["remote_port"].ShouldBe("dst_port"); // DstPort
        fields.ShouldNotContainKey("cb_server");    // CbServer: no standard name
        var warning = diagnostics.Single(d => d.Message.Contains("cb_server", StringComparison.Ordinal));
        warning.Code.ShouldBe("RO016");
        warning.Severity.ShouldBe(Rosetta.Diagnostics.Severity.Warning);
    }
}
