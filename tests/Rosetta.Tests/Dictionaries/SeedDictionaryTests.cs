using Rosetta.Dictionaries;
using Rosetta.Dictionaries.Markdown;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Dictionaries;

public class SeedDictionaryTests
{
    private static DataDictionary Read(string path) => MarkdownDictionaryReader.Read(path, File.ReadAllText(path));

    private static string[] Findings(DataDictionary d) => [.. d.Diagnostics.Select(x => $"{x.Code}:{x.Line}").Order()];

    [Fact]
    public void Seed_003_reports_exactly_its_real_defects()
    {
        var dictionary = Read(Paths.Seed003);

        // title contradicts sentinelone.rule; fence glued to the JSON; Event Types row copied from another file;
        // process_id row without its Type cell
        Findings(dictionary).ShouldBe(["RD101:108", "RD104:93", "RD108:2", "RD109:98"]);
        dictionary.Diagnostics.Single(d => d.Code == "RD101").Message.ShouldContain("Type cell is missing");
        dictionary.Diagnostics.Single(d => d.Code == "RD109").Message.ShouldContain("processCreation");
    }

    [Fact]
    public void Seed_000_reports_its_five_empty_standard_names_and_its_empty_sample_section()
    {
        var dictionary = Read(Paths.Seed000);

        Findings(dictionary).ShouldBe(["RD106:20", "RD106:21", "RD106:22", "RD106:46", "RD106:47", "RD110:14"]);
        dictionary.Diagnostics.Where(d => d.Code == "RD106").Select(d => d.Message.Split(' ')[0])
            .ShouldBe(["MachineId", "ComputerName", "ActionType", "ReportId", "AppGuardContainerId"]);
    }

    [Fact]
    public void Seed_003_is_read_as_its_author_meant_it()
    {
        var dictionary = Read(Paths.Seed003);

        dictionary.EventName.ShouldBe("NetworkConnection");
        dictionary.Title.ShouldBe("Process Created Sentinel One");
        dictionary.LogSource.ShouldBe("sentinelone");
        dictionary.Fields.Select(f => (f.StandardName, f.FieldName, f.Type)).ShouldBe(
        [
            ("src_ip", "tcpv4.sourceAddress.address", "ip"),
            ("src_port", "tcpv4.sourceAddress.port", "integer"),
            ("dst_ip", "tcpv4.destinationAddress.address", "ip"),
            ("dst_port", "tcpv4.destinationAddress.port", "integer"),
            ("process_id", "tcpv4.source.fullPid.pid", null),
            ("event_date_creation", "timestamp.millisecondsSinceEpoch", "date"),
        ]);
        var pid = dictionary.Fields.Single(f => f.StandardName == "process_id");
        pid.Description.ShouldStartWith("Process ID used by the os");
        pid.SampleValue.ShouldBe("139");
        pid.Line.ShouldBe(108);
        dictionary.Fields[^1].SampleValue.ShouldBe("4/11/18 5:25");
        var sample = dictionary.Samples.ShouldHaveSingleItem();
        sample.IsJson.ShouldBeTrue();
        sample.Line.ShouldBe(17);
        sample.Text.ShouldEndWith("}");
        dictionary.EventTypes.ShouldHaveSingleItem().FieldName.ShouldBe("processCreation");
    }

    [Fact]
    public void Seed_000_keeps_rows_without_standard_names_as_fields()
    {
        var dictionary = Read(Paths.Seed000);

        dictionary.Fields.Count.ShouldBe(29);
        dictionary.Fields.Count(f => f.StandardName is null).ShouldBe(5);
        dictionary.Fields.Single(f => f.FieldName == "LocalIPType").Description.ShouldStartWith("Type of IP address");
        dictionary.EventName.ShouldBe("NetworkCommunicationEvents");
        dictionary.Samples.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("microsoft-defender/000_ec487c117ba32e9d.txt", "000_ec487c117ba32e9d.txt")]
    [InlineData("sentinelone/003_f8a51923cde39398.txt", "003_f8a51923cde39398.txt")]
    public void The_shipped_seeds_are_the_users_files_verbatim(string shipped, string seed) =>
        File.ReadAllBytes(Path.Combine(Paths.ShippedDictionaries, shipped))
            .ShouldBe(File.ReadAllBytes(Path.Combine(Paths.Shared, "seeds", seed)));
}
