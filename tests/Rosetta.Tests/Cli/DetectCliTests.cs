using System.Text.Json;
using Rosetta.Tests.Detection;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Cli;

/// <summary><c>rosetta detect</c> and <c>rosetta rules check</c>, run as a user runs them.</summary>
public sealed class DetectCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-detect-cli-").FullName;

    private static string SharedRules => Path.Combine(Paths.Shared, "sigma", "rules");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private (int Exit, string Out, string Err) Rosetta(string arguments) => RosettaExe.Run(arguments, _folder);

    [Fact]
    public void Rules_check_loads_every_shared_rule_and_says_which_sources_each_cannot_match()
    {
        var (exit, output, _) = Rosetta($"rules check \"{SharedRules}\"");

        exit.ShouldBe(0);
        output.TrimEnd().Split('\n')[^1].ShouldBe("loaded 23 of 23 rules");
        output.ShouldContain("Process Initiated Network Connection To Ngrok Domain: cannot match sentinelone.dv.network: needs DestinationHostname (dst_host_name)");
    }

    [Fact]
    public void Rules_check_names_each_rule_that_cannot_run_and_exits_3()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.yml"), "title: Bad\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Image|nope: x\n    condition: sel\n");

        var (exit, output, _) = Rosetta($"rules check bad.yml \"{SharedRules}\"");

        exit.ShouldBe(3);
        output.ShouldContain("bad.yml:1: Bad: sel: Image: unknown modifier 'nope'");
        output.TrimEnd().Split('\n')[^1].ShouldBe("loaded 23 of 24 rules");
    }

    [Fact]
    public void Detect_normalizes_raw_events_and_writes_one_line_per_match()
    {
        var regression = Path.Combine(Paths.SigmaRegression, "rules", "windows", "process_creation", "proc_creation_win_certutil_decode");

        var (exit, output, error) = Rosetta($"detect --rules \"{SharedRules}\" \"{regression}\" -o matches.ndjson");

        exit.ShouldBe(0, error);
        output.ShouldBeEmpty();
        error.ShouldContain("1 matches in 1 records");
        var match = JsonDocument.Parse(File.ReadAllLines(Path.Combine(_folder, "matches.ndjson")).Single()).RootElement;
        match.GetProperty("rule").GetProperty("id").GetString().ShouldBe("cc9cbe82-7bc0-4ef5-bc23-bbfb83947be7");
        match.GetProperty("rule").GetProperty("level").GetString().ShouldBe("high");
        match.GetProperty("rule").GetProperty("tags").GetArrayLength().ShouldBeGreaterThan(0);
        match.GetProperty("source").GetString().ShouldBe("sysmon.process");
        match.GetProperty("event").GetProperty("process_path").GetString().ShouldBe(@"C:\Windows\System32\certutil.exe");
    }

    [Fact]
    public void Detect_over_a_store_finds_what_detect_over_the_same_events_finds()
    {
        var events = Path.Combine(_folder, "events.ndjson");
        File.WriteAllLines(events, [
            SigmaEvents.Write(SigmaEvents.DefenderNetwork, new() { ["Image"] = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" }),
            SigmaEvents.Write(SigmaEvents.DefenderNetwork, new() { ["DestinationPort"] = "4444", ["Image"] = @"C:\Users\bob\AppData\Local\Temp\x.exe" }),
            SigmaEvents.Write(SigmaEvents.DefenderNetwork, new() { ["DestinationPort"] = "443" }),
        ]);
        Rosetta("normalize events.ndjson --store s.db -q").Exit.ShouldBe(0);
        Rosetta("normalize events.ndjson -o records.ndjson -q").Exit.ShouldBe(0);

        var fromEvents = Rosetta($"detect --rules \"{SharedRules}\" events.ndjson -q");
        var fromStore = Rosetta($"detect --rules \"{SharedRules}\" --store s.db -q");
        var fromRecords = Rosetta($"detect --rules \"{SharedRules}\" --normalized records.ndjson -q");

        fromEvents.Exit.ShouldBe(0);
        var ids = Sigma.MatchedIds(fromEvents.Out);
        ids.Count.ShouldBe(2);
        Sigma.MatchedIds(fromStore.Out).ShouldBe(ids);
        Sigma.MatchedIds(fromRecords.Out).ShouldBe(ids);
    }

    [Fact]
    public void Lines_of_a_records_file_that_are_not_records_go_to_the_dead_letters_with_their_line()
    {
        var events = Path.Combine(_folder, "events.ndjson");
        File.WriteAllLines(events, [SigmaEvents.Write(SigmaEvents.DefenderNetwork, new() { ["Image"] = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" })]);
        Rosetta("normalize events.ndjson -o records.ndjson -q").Exit.ShouldBe(0);
        var record = File.ReadAllText(Path.Combine(_folder, "records.ndjson")).Trim();
        File.WriteAllLines(Path.Combine(_folder, "mixed.ndjson"), ["not json at all", "", record, "[1, 2]", "{\"truncated\": "]);

        var (exit, output, error) = Rosetta($"detect --rules \"{SharedRules}\" --normalized mixed.ndjson");

        exit.ShouldBe(0, error);
        Sigma.MatchedIds(output).Count.ShouldBe(1);
        error.ShouldContain("3 lines were not records");
        var dead = File.ReadAllLines(Path.Combine(_folder, "rosetta.dead-letter.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        dead.Select(d => d.GetProperty("line").GetInt64()).ShouldBe([1L, 4L, 5L]);
        dead.ShouldAllBe(d => d.GetProperty("input").GetString() == "mixed.ndjson");
        dead[0].GetProperty("raw").GetString().ShouldBe("not json at all");
    }

    [Fact]
    public void Detect_needs_inputs_or_a_store_and_says_so()
    {
        Rosetta($"detect --rules \"{SharedRules}\"").Exit.ShouldBe(2);
        Rosetta($"detect --rules \"{SharedRules}\" --store missing.db").Err.ShouldContain("no such store");
        Rosetta("detect --rules missing-rules nothing.ndjson").Err.ShouldContain("missing-rules: no such file or folder");
    }
}
