using System.Text.Json;
using Rosetta.Schema;
using Rosetta.Schema.Profiles;
using Rosetta.Sources;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Schema;

/// <summary>The output profiles: valid data files, and golden records in each shape.</summary>
public class ProfileTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("ROSETTA_UPDATE_GOLDEN") == "1";

    private static readonly string[] Inputs =
    [
        Paths.DefenderCorpus,
        Path.Combine(Paths.Golden, "sentinelone-seed-sample.input.json"),
        Path.Combine(Paths.Golden, "defender-portal.input.csv"),
    ];

    public static TheoryData<string> Shipped() => new(ProfileCatalog.Load(Paths.ShippedSchemas).Profiles.Select(p => p.Name));

    [Fact]
    public void The_five_schemas_ship()
    {
        ProfileCatalog.Load(Paths.ShippedSchemas).Profiles.Select(p => p.Name).ShouldBe(["asim", "ecs", "ocsf", "ossem", "ossem-cdm"]);
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void A_shipped_schema_is_valid_and_names_only_known_standard_names(string name)
    {
        var profile = ProfileCatalog.Load(Paths.ShippedSchemas).Find(name)!;
        var names = StandardNameCatalog.Load(Path.Combine(Paths.ShippedDictionaries, "standard-names.yml"));

        profile.Diagnostics.ShouldBeEmpty();
        profile.Fields.Where(f => names.Find(f.StandardName) is null).Select(f => f.StandardName).ShouldBeEmpty();
        (profile.Identity || profile.Unmapped is not null).ShouldBeTrue("a schema that cannot express a name must say where it goes, or records lose it");
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Records_in_a_schema_match_their_golden_file(string name)
    {
        var result = Engine.Run([.. Inputs.Select(i => new InputSource(i, null))], normalizer: Engine.WithSchema(name));
        var path = Path.Combine(Paths.Golden, "profiles", name + ".expected.ndjson");
        if (Update)
        {
            File.WriteAllText(path, result.Output);
            return;
        }

        result.Output.ShouldBe(File.ReadAllText(path), $"{name}.expected.ndjson differs (ROSETTA_UPDATE_GOLDEN=1 rewrites it)");
    }

    [Fact]
    public void Ocsf_keeps_types_time_is_epoch_milliseconds_and_enumerations_are_ids()
    {
        var records = Engine.Run(Paths.DefenderCorpus, normalizer: Engine.WithSchema("ocsf")).Records;
        var inbound = records.Single(r => r.GetProperty("metadata").GetProperty("event_code").GetString() == "InboundConnectionAccepted");

        inbound.GetProperty("time").GetInt64().ShouldBe(1689777034595); // 2023-07-19T14:30:34.5955683Z
        inbound.GetProperty("class_uid").GetInt32().ShouldBe(4001);
        inbound.GetProperty("activity_id").GetInt32().ShouldBe(1);
        inbound.GetProperty("type_uid").GetInt32().ShouldBe(400101);
        inbound.GetProperty("connection_info").GetProperty("direction_id").GetInt32().ShouldBe(1);
        inbound.GetProperty("connection_info").GetProperty("protocol_num").GetInt32().ShouldBe(6);
        inbound.GetProperty("src_endpoint").GetProperty("port").ValueKind.ShouldBe(JsonValueKind.Number);
        inbound.GetProperty("actor").GetProperty("process").GetProperty("pid").ValueKind.ShouldBe(JsonValueKind.Number);
        records.ShouldAllBe(r => r.GetProperty("time").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public void Ecs_nests_objects_and_writes_host_based_direction_words()
    {
        var record = Engine.Run(Paths.DefenderCorpus, normalizer: Engine.WithSchema("ecs")).Records
            .Single(r => r.GetProperty("event").GetProperty("action").GetString() == "InboundConnectionAccepted");

        record.GetProperty("source").GetProperty("ip").GetString().ShouldBe("175.16.199.0");
        record.GetProperty("destination").GetProperty("port").GetInt32().ShouldBe(135);
        record.GetProperty("network").GetProperty("direction").GetString().ShouldBe("ingress");
        record.GetProperty("network").GetProperty("transport").GetString().ShouldBe("tcp");
        record.GetProperty("network").GetProperty("iana_number").GetString().ShouldBe("6");
        record.GetProperty("process").GetProperty("parent").GetProperty("pid").GetInt32().ShouldBe(1152);
        record.GetProperty("@timestamp").GetString().ShouldBe("2023-07-19T14:30:34.5955683Z");
        record.GetProperty("ossem").GetProperty("process_side").GetString().ShouldBe("dst", "what ECS cannot express is kept");
    }

    [Fact]
    public void Asim_names_the_process_by_the_side_it_is_on()
    {
        var records = Engine.Run(Paths.DefenderCorpus, normalizer: Engine.WithSchema("asim")).Records;
        var inbound = records.Single(r => r.GetProperty("EventOriginalType").GetString() == "InboundConnectionAccepted");
        var outbound = records.Single(r => r.GetProperty("EventOriginalType").GetString() == "ConnectionSuccess");

        inbound.GetProperty("DstProcessId").GetInt32().ShouldBe(1772);
        inbound.TryGetProperty("SrcProcessId", out _).ShouldBeFalse();
        inbound.GetProperty("NetworkDirection").GetString().ShouldBe("Inbound");
        outbound.TryGetProperty("SrcProcessName", out _).ShouldBeTrue();
        outbound.GetProperty("NetworkProtocol").GetString().ShouldBe("TCP");
    }

    [Theory]
    [InlineData("fields: { src_ip: a, dst_ip: a }", "SC005")]
    [InlineData("fields: { src_ip: a, dst_ip: a.b }", "SC005")]
    [InlineData("fields: { src_ip: { path: a, as: hex } }", "SC004")]
    [InlineData("fields: { src_ip: { side: { src: a } } }", "SC004")]
    [InlineData("fields: { src_ip: a }\ncolour: red", "SC002")]
    [InlineData("unmapped: x\nfields: { src_ip: x.ip }", "SC005")]
    [InlineData("fields: [", "SC001")]
    public void A_wrong_profile_is_an_error_with_its_code(string yaml, string code)
    {
        var profile = ProfileReader.Read("bad.yml", "name: bad\n" + yaml + "\n");

        profile.Diagnostics.Select(d => d.Code).ShouldContain(code);
        profile.Diagnostics.ShouldAllBe(d => d.Line > 0);
    }
}
