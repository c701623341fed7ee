using System.Text.Json;
using Rosetta.Mapping;
using Rosetta.Pipeline;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Pipeline;

public class NormalizeTests
{
    [Fact]
    public void The_seed_003_event_sample_normalizes_to_its_exact_values()
    {
        var result = Engine.Run(Path.Combine(Paths.Samples, "sentinelone", "seed-003-event.json"));

        var record = result.Records.ShouldHaveSingleItem();
        record.GetProperty("src_ip").GetString().ShouldBe("10.115.32.249");
        record.GetProperty("src_port").GetInt32().ShouldBe(52413);
        record.GetProperty("dst_ip").GetString().ShouldBe("40.97.28.98");
        record.GetProperty("dst_port").GetInt32().ShouldBe(443);
        record.GetProperty("process_id").GetInt32().ShouldBe(3068);
        record.GetProperty("event_date_creation").GetString().ShouldBe("2019-10-24T16:11:55.865Z");
        record.GetProperty("process_name").GetString().ShouldBe("Google Chrome");
        record.GetProperty("network_direction").GetString().ShouldBe("outbound");
        record.GetProperty("rosetta").GetProperty("source").GetString().ShouldBe("sentinelone.dv.network");
        record.GetProperty("rosetta").GetProperty("event").GetString().ShouldBe("NetworkConnection");
        record.TryGetProperty("process_command_line", out _).ShouldBeFalse(); // "" carries nothing
        record.TryGetProperty("user_name", out _).ShouldBeFalse(); // null
        var vendor = record.GetProperty("vendor");
        vendor.GetProperty("tcpv4").GetProperty("trueContext").GetProperty("key").GetProperty("value").GetString().ShouldBe("4F9C2917DB832811");
        vendor.TryGetProperty("http", out _).ShouldBeFalse(); // nulls dropped
        vendor.GetProperty("tcpv4").TryGetProperty("sourceAddress", out _).ShouldBeFalse(); // fully mapped
    }

    [Fact]
    public void The_Defender_corpus_normalizes_its_17_network_and_2_process_events_and_keeps_the_other_12()
    {
        var result = Engine.Run(Paths.DefenderCorpus);

        result.Summary.EventsIn.ShouldBe(31);
        result.Records.Count.ShouldBe(19);
        result.Records.Count(r => r.GetProperty("rosetta").GetProperty("table").GetString() == "DeviceNetworkEvents").ShouldBe(17);
        result.Records.Count(r => r.GetProperty("rosetta").GetProperty("source").GetString() == "mde.process").ShouldBe(2);
        result.Summary.DeadLetters[RecordOutcome.Unrecognized].ShouldBe(12);
        result.Dead.Select(d => d.GetProperty("message").GetString()).Distinct().Order().ShouldBe(
        [
            "no dictionary for the table 'DeviceEvents'", "no dictionary for the table 'DeviceFileCertificateInfo'",
            "no dictionary for the table 'DeviceFileEvents'", "no dictionary for the table 'DeviceImageLoadEvents'",
            "no dictionary for the table 'DeviceInfo'", "no dictionary for the table 'DeviceLogonEvents'",
            "no dictionary for the table 'DeviceNetworkInfo'",
            "no dictionary for the table 'DeviceRegistryEvents'",
        ]);
    }

    [Fact]
    public void A_Defender_network_event_carries_the_seed_000_standard_names()
    {
        var failed = Engine.Run(Paths.DefenderCorpus).Records.Single(r => r.GetProperty("action_type").GetString() == "ConnectionFailed");

        failed.GetProperty("event_date_creation").GetString().ShouldBe("2023-07-19T12:17:42.7782364Z"); // Timestamp, an alias of EventTime
        failed.GetProperty("machine_id").GetString().ShouldBe("22bb10ffe3104214b20fc7de339a2b053e915e5c"); // DeviceId
        failed.GetProperty("computer_name").GetString().ShouldBe("janeslaptop1.corporatedomain"); // DeviceName
        failed.GetProperty("dst_ip").GetString().ShouldBe("175.16.199.0");
        failed.GetProperty("dst_port").GetInt32().ShouldBe(80);
        failed.GetProperty("src_ip").GetString().ShouldBe("89.160.20.112");
        failed.GetProperty("process_name").GetString().ShouldBe("msedgewebview2.exe");
        failed.GetProperty("process_id").GetInt32().ShouldBe(17916);
        failed.GetProperty("network_protocol").GetString().ShouldBe("tcp");
        failed.GetProperty("rosetta").GetProperty("envelope").GetProperty("category").GetString().ShouldBe("AdvancedHunting-DeviceNetworkEvents");
        failed.GetProperty("vendor").TryGetProperty("Timestamp", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_value_that_fails_its_type_is_left_out_reported_and_kept_as_vendor_data()
    {
        var smtp = Engine.Run(Paths.DefenderCorpus).Records.Where(r => r.GetProperty("action_type").GetString() == "SmtpConnectionInspected")
            .Single(r => r.GetProperty("vendor").TryGetProperty("RemoteIP", out _));

        smtp.TryGetProperty("dst_ip", out _).ShouldBeFalse();
        smtp.TryGetProperty("src_ip", out _).ShouldBeFalse();
        smtp.GetProperty("dst_port").GetInt32().ShouldBe(25);
        smtp.GetProperty("rosetta").GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()).ShouldBe(
            ["dst_ip: '-' is not an IP address (RemoteIP)", "src_ip: '-' is not an IP address (LocalIP)"]);
        smtp.GetProperty("vendor").GetProperty("RemoteIP").GetString().ShouldBe("-");
    }

    [Fact]
    public void Under_strict_a_record_with_a_bad_value_goes_to_the_dead_letters()
    {
        var result = Engine.Run(Paths.DefenderCorpus, new NormalizeOptions { Strict = true });

        result.Records.Count.ShouldBe(18);
        result.Summary.DeadLetters[RecordOutcome.Rejected].ShouldBe(1);
        var rejected = result.Dead.Single(d => d.GetProperty("reason").GetString() == "rejected");
        rejected.GetProperty("message").GetString()!.ShouldContain("'-' is not an IP address");
        rejected.GetProperty("line").GetInt64().ShouldBe(30);
    }

    [Fact]
    public void Standard_only_drops_the_vendor_leftovers()
    {
        var result = Engine.Run(Paths.DefenderCorpus, new NormalizeOptions { StandardOnly = true });

        result.Records.Count.ShouldBe(19);
        result.Records.Count(r => r.TryGetProperty("vendor", out var _)).ShouldBe(0);
    }

    [Fact]
    public void The_vendor_leftovers_keep_what_no_standard_name_carried_as_written()
    {
        // Mapped members (both copies of a repeated key), nulls, empty strings and objects left empty are dropped;
        // names and values keep their escapes, numbers and arrays their text.
        var result = Engine.RunText("""
            {"tcpv4": {"direction": "OUTGOING", "status": "SUCCESS", "status": "FAILURE", "sourceAddress": {"port": 50000, "address": "10.0.0.5"}, "destinationAddress": {"port": 443, "address": "8.8.8.8"}, "extra": {"a": null, "b": "", "c": {"d": null, "e": ""}, "f": [1, null], "g": "x", "h\u0041": true, "i": -1.5e3}, "source": {"name": "a.exe", "pids": [], "nothing": {}}}, "timestamp": {"millisecondsSinceEpoch": 1571933515884}, "odd\"name": "v", "blank": ""}
            """);

        var line = result.Output.Trim();
        line[line.IndexOf("\"vendor\":", StringComparison.Ordinal)..].ShouldBe("""
            "vendor":{"tcpv4":{"extra":{"f":[1, null],"g":"x","h\u0041":true,"i":-1.5e3},"source":{"pids":[]}},"odd\"name":"v"}}
            """);
    }

    [Fact]
    public void Bare_Defender_rows_are_told_from_their_sibling_tables_by_their_fields()
    {
        // the corpus envelopes, without their envelope: no table name to go by
        var rows = File.ReadLines(Paths.DefenderCorpus).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Table: e.GetProperty("category").GetString()!, Row: e.GetProperty("properties").GetRawText())).ToList();
        var result = Engine.RunText(string.Join("\n", rows.Select(r => r.Row)));

        result.Records.Count.ShouldBe(19);
        result.Summary.DeadLetters[RecordOutcome.Unrecognized].ShouldBe(12);
        result.Dead.Select(d => d.GetProperty("line").GetInt64()).ShouldBe(
            rows.Select((r, i) => (r.Table, Line: i + 1L))
                .Where(r => r.Table is not ("AdvancedHunting-DeviceNetworkEvents" or "AdvancedHunting-DeviceProcessEvents")).Select(r => r.Line));
    }

    [Fact]
    public void A_mixed_stream_loses_nothing()
    {
        var s1 = File.ReadAllText(Path.Combine(Paths.Samples, "sentinelone", "seed-003-event.json"));
        var s1Line = JsonSerializer.Serialize(JsonDocument.Parse(s1).RootElement);
        var defenderRow = JsonDocument.Parse(File.ReadLines(Paths.DefenderCorpus).ElementAt(13)).RootElement.GetProperty("properties").GetRawText();
        string[] lines =
        [
            s1Line,                                  // SentinelOne
            defenderRow,                             // Defender, bare row
            "{\"tcpv4\": {\"sourceAddress\": ",       // truncated
            "{\"EventID\": 4688, \"NewProcessName\": \"cmd.exe\"}", // nobody's
            "42",                                    // not an object
            "",                                      // blank: not an event
            "{\"a\": 1} {\"b\": 2}",                 // two values on a line
            "[{\"tcpv4\": null}]",                    // an array of one unrecognized event
            s1Line + "\r",                           // CRLF
        ];
        var result = Engine.RunText(string.Join("\n", lines));

        result.Summary.EventsIn.ShouldBe(8);
        result.Records.Count.ShouldBe(3);
        result.Summary.RecordsOut.ShouldBe(3);
        result.Summary.DeadLetterCount.ShouldBe(5);
        (result.Summary.RecordsOut + result.Summary.DeadLetterCount).ShouldBe(result.Summary.EventsIn);
        result.Dead.Select(d => (d.GetProperty("reason").GetString(), d.GetProperty("line").GetInt64())).ShouldBe(
            [("malformed", 3), ("unrecognized", 4), ("malformed", 5), ("malformed", 7), ("unrecognized", 8)]);
        result.Dead[0].GetProperty("raw").GetString().ShouldBe(lines[2]);
    }

    [Fact]
    public void Duplicate_keys_take_the_first_value()
    {
        var result = Engine.RunText("{\"tcpv4\": {\"sourceAddress\": {\"address\": \"1.1.1.1\", \"address\": \"2.2.2.2\"}}}");

        result.Records.ShouldHaveSingleItem().GetProperty("src_ip").GetString().ShouldBe("1.1.1.1");
    }

    [Fact]
    public void Escaped_strings_are_unescaped_before_conversion_and_kept_escaped_when_copied()
    {
        var result = Engine.RunText("{\"tcpv4\": {\"sourceAddress\": {\"address\": \"\\u0031.2.3.4\", \"port\": \"80\"}, \"source\": {\"name\": \"a\\\"b\\\\c\"}}}");

        var record = result.Records.ShouldHaveSingleItem();
        record.GetProperty("src_ip").GetString().ShouldBe("1.2.3.4");
        record.GetProperty("src_port").GetInt32().ShouldBe(80);
        record.GetProperty("process_name").GetString().ShouldBe("a\"b\\c");
    }

    [Fact]
    public void Ports_out_of_range_are_reported()
    {
        var result = Engine.RunText("{\"tcpv4\": {\"direction\": \"OUTGOING\", \"sourceAddress\": {\"port\": 70000}, \"destinationAddress\": {\"port\": 443.5}}}");

        result.Records.ShouldHaveSingleItem().GetProperty("rosetta").GetProperty("diagnostics").EnumerateArray()
            .Select(d => d.GetString()).ShouldBe(
                ["src_port: 70000 is not a port (0-65535) (tcpv4.sourceAddress.port)", "dst_port: 443.5 is not a whole number (tcpv4.destinationAddress.port)"]);
    }
}
