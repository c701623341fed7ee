using Shouldly;
using Xunit;

namespace Rosetta.Tests.Cli;

/// <summary>The real rosetta executable, run as a user runs it: exit codes, standard streams, files.</summary>
public class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private (int Exit, string Out, string Err) Rosetta(string arguments, string? stdin = null) => RosettaExe.Run(arguments, _folder, stdin);

    [Fact]
    public void Normalize_the_samples_writes_records_and_a_summary()
    {
        var (exit, output, error) = Rosetta($"normalize \"{Paths.Samples}\"");

        exit.ShouldBe(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(139);
        error.ShouldContain("records out");
        foreach (var source in new[] { "mde.network", "mde.process", "sentinelone.dv.network", "sentinelone.cf.network", "sysmon.network", "sysmon.process", "windows.security.5156", "zeek.conn", "carbonblack.netconn" })
        {
            error.ShouldContain(source);
        }

        File.ReadAllLines(Path.Combine(_folder, "rosetta.dead-letter.ndjson")).Length.ShouldBe(1);
    }

    [Fact]
    public void Records_thrown_away_in_dev_null_leave_the_dead_letters_here_and_dev_null_to_other_runs()
    {
        using var other = new FileStream("/dev/null", FileMode.Open, FileAccess.Write, FileShare.ReadWrite); // another run writing there

        var (exit, _, error) = Rosetta($"normalize \"{Paths.Samples}\" -o /dev/null --quiet");

        exit.ShouldBe(0, error);
        File.ReadAllLines(Path.Combine(_folder, "rosetta.dead-letter.ndjson")).Length.ShouldBe(1);
        File.Exists("/dev/null.dead-letter.ndjson").ShouldBeFalse();
    }

    [Fact]
    public void Dictionaries_docs_writes_a_page_per_source_an_index_and_the_matrix_in_html()
    {
        var (exit, _, error) = Rosetta("dictionaries docs -o site --format html");

        exit.ShouldBe(0, error);
        var pages = Directory.GetFiles(Path.Combine(_folder, "site"), "*.html").Select(Path.GetFileName).ToList();
        pages.ShouldContain("README.html");
        pages.ShouldContain("matrix.html");
        pages.ShouldContain("zeek.conn.html");
        pages.Count.ShouldBe(11);
        File.ReadAllText(Path.Combine(_folder, "site", "sysmon.network.html")).ShouldContain("<table>");
        File.ReadAllText(Path.Combine(_folder, "site", "README.html")).ShouldContain("href=\"sysmon.network.html\"");
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var sample = File.ReadAllText(Path.Combine(Paths.Samples, "sentinelone", "seed-003-event.json"));
        var (exit, output, _) = Rosetta("normalize - --quiet", sample);

        exit.ShouldBe(0);
        output.ShouldContain("\"src_ip\":\"10.115.32.249\"");
    }

    [Fact]
    public void Csv_output_has_a_header_of_standard_names()
    {
        var (exit, _, _) = Rosetta($"normalize \"{Paths.DefenderCorpus}\" --format csv -o out.csv --quiet");

        exit.ShouldBe(0);
        var lines = File.ReadAllLines(Path.Combine(_folder, "out.csv"));
        lines[0].ShouldStartWith("event_date_creation,event_code,event_record_id,event_uid,event_duration,rule_name,event_status,action_type");
        lines.Length.ShouldBe(20);
        File.Exists(Path.Combine(_folder, "out.csv.dead-letter.ndjson")).ShouldBeTrue();
    }

    [Fact]
    public void A_missing_input_is_exit_2_with_its_name()
    {
        var (exit, _, error) = Rosetta("normalize nowhere.ndjson");

        exit.ShouldBe(2);
        error.ShouldContain("nowhere.ndjson: no such file or folder");
    }

    [Fact]
    public void Strict_with_dead_letters_is_exit_3()
    {
        var (exit, _, _) = Rosetta($"normalize \"{Paths.DefenderCorpus}\" --strict -o out.ndjson --quiet");

        exit.ShouldBe(3);
    }

    [Fact]
    public void A_broken_overlay_is_exit_2_and_says_where()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.rosetta.yml"), "id: bad\nextends: missing.txt\nrecognize:\n  present: [x]\n");
        var (exit, _, error) = Rosetta($"normalize \"{Paths.DefenderCorpus}\" -d \"{_folder}\"");

        exit.ShouldBe(2);
        error.ShouldContain("bad.rosetta.yml");
        error.ShouldContain("missing.txt");
    }

    [Fact]
    public void Check_prints_each_seed_defect_with_file_and_line()
    {
        var (exit, output, _) = Rosetta($"dictionaries check \"{Paths.Seed003}\"");

        exit.ShouldBe(0);
        output.ShouldContain("003_f8a51923cde39398.txt:93: warning RD104");
        output.ShouldContain("003_f8a51923cde39398.txt:108: warning RD101");
        output.ShouldContain("003_f8a51923cde39398.txt:2: warning RD108");
        output.ShouldContain("003_f8a51923cde39398.txt:98: warning RD109");
        output.ShouldContain("checked 1 dictionaries and 0 overlays");
        Rosetta($"dictionaries check --strict \"{Paths.Seed003}\"").Exit.ShouldBe(3);
    }

    [Fact]
    public void Show_prints_the_compiled_mapping()
    {
        var (exit, output, _) = Rosetta("dictionaries show sentinelone.dv.network");

        exit.ShouldBe(0);
        output.ShouldContain("tcpv4.source.fullPid.pid");
        output.ShouldContain("deep-visibility-network.rosetta.yml");
        output.ShouldContain("orientation: src_* is the initiator (never swapped); direction by tcpv4.direction");
        output.ShouldContain("network_protocol = tcp");
    }

    [Fact]
    public void Normalize_writes_the_schema_it_is_asked_for()
    {
        var sample = Path.Combine(Paths.Samples, "sentinelone", "seed-003-event.json");

        var (exit, output, _) = Rosetta($"normalize \"{sample}\" --schema ecs -q");

        exit.ShouldBe(0);
        var record = System.Text.Json.JsonDocument.Parse(output).RootElement;
        record.GetProperty("source").GetProperty("ip").GetString().ShouldBe("10.115.32.249");
        record.GetProperty("network").GetProperty("direction").GetString().ShouldBe("egress");
    }

    [Fact]
    public void An_unknown_schema_or_a_nested_one_as_csv_is_refused_with_the_reason()
    {
        var sample = Path.Combine(Paths.Samples, "sentinelone", "seed-003-event.json");

        var unknown = Rosetta($"normalize \"{sample}\" --schema nope");
        var nested = Rosetta($"normalize \"{sample}\" --schema ocsf --format csv");

        unknown.Exit.ShouldBe(2);
        unknown.Err.ShouldContain("no schema 'nope' (shipped: asim, ecs, ocsf, ossem, ossem-cdm");
        nested.Exit.ShouldBe(2);
        nested.Err.ShouldContain("CSV needs a flat one");
    }

    [Fact]
    public void A_flat_schema_writes_csv_with_its_own_column_names()
    {
        var sample = Path.Combine(Paths.Samples, "sentinelone", "seed-003-event.json");

        var (exit, output, _) = Rosetta($"normalize \"{sample}\" --schema asim --format csv -q");

        exit.ShouldBe(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("EventStartTime,EventEndTime,TimeGenerated,EventResult,");
        lines[0].ShouldContain("SrcProcessName,DstProcessName");
        lines[1].ShouldContain("Outbound");
    }

    [Fact]
    public void Schemas_show_says_where_each_name_goes_and_what_it_cannot_express()
    {
        var list = Rosetta("schemas list");
        var (exit, output, _) = Rosetta("schemas show ocsf");

        list.Out.ShouldContain("ossem-cdm");
        exit.ShouldBe(0);
        output.ShouldContain("connection_info.direction_id");
        output.ShouldContain("epoch milliseconds");
        output.ShouldContain("cannot express");
        output.ShouldContain("records keep them under 'unmapped'");
    }
}
