using System.Text.Json;
using Rosetta.Dictionaries.Overlays;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping.Semantics;

/// <summary>Source is the side that opened the connection, whatever the vendor calls local and remote.</summary>
public class OrientationTests
{
    private static readonly Lazy<(Dictionary<string, JsonElement> Raw, Dictionary<string, JsonElement> Normalized)> DefenderCorpus = new(() =>
    {
        var raw = File.ReadLines(Paths.DefenderCorpus)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(e => e.GetProperty("category").GetString() == "AdvancedHunting-DeviceNetworkEvents")
            .Select(e => e.GetProperty("properties"))
            .ToList();
        var normalized = Engine.Run(Paths.DefenderCorpus).Records
            .Where(r => r.GetProperty("rosetta").GetProperty("source").GetString() == "mde.network").ToList();
        normalized.Count.ShouldBe(raw.Count);

        // The corpus has one record per ActionType but two SmtpConnectionInspected: key by ActionType and position.
        static string Key(string action, int index) => $"{action}#{index}";
        return (
            raw.Select((r, i) => (Key(r.GetProperty("ActionType").GetString()!, raw.Take(i).Count(x => x.GetProperty("ActionType").GetString() == r.GetProperty("ActionType").GetString())), r)).ToDictionary(),
            normalized.Select((r, i) => (Key(r.GetProperty("action_type").GetString()!, normalized.Take(i).Count(x => x.GetProperty("action_type").GetString() == r.GetProperty("action_type").GetString())), r)).ToDictionary());
    });

    [Theory]
    [InlineData("InboundConnectionAccepted")]
    [InlineData("NtlmAuthenticationInspected")] // AdditionalFields {"direction":"In"} (an object in this export)
    [InlineData("IcmpConnectionInspected")]
    public void Inbound_Defender_records_have_the_remote_side_as_source(string action)
    {
        var (raw, record) = Pair(action);
        Text(record, "src_ip").ShouldBe(raw.GetProperty("RemoteIP").GetString());
        Text(record, "dst_ip").ShouldBe(raw.GetProperty("LocalIP").GetString());
        Number(record, "src_port").ShouldBe(Number(raw, "RemotePort"));
        Number(record, "dst_port").ShouldBe(Number(raw, "LocalPort"));
        Text(record, "network_direction").ShouldBe("inbound");
        record.GetProperty("network_initiated").GetBoolean().ShouldBeFalse();
        Text(record, "process_side").ShouldBe("dst");
    }

    [Theory]
    [InlineData("ConnectionSuccess")]
    [InlineData("ConnectionFailed")]
    [InlineData("ConnectionRequest")]
    [InlineData("DnsConnectionInspected")] // {"direction":"Out"} as an object
    [InlineData("HttpConnectionInspected")] // {"direction":"Out"} inside a JSON string, escaped
    [InlineData("SshConnectionInspected")]
    public void Outbound_Defender_records_keep_the_seed_mapping(string action)
    {
        var (raw, record) = Pair(action);
        Text(record, "src_ip").ShouldBe(raw.GetProperty("LocalIP").GetString());
        Text(record, "dst_ip").ShouldBe(raw.GetProperty("RemoteIP").GetString());
        Number(record, "src_port").ShouldBe(Number(raw, "LocalPort"));
        Number(record, "dst_port").ShouldBe(Number(raw, "RemotePort"));
        Text(record, "network_direction").ShouldBe("outbound");
        record.GetProperty("network_initiated").GetBoolean().ShouldBeTrue();
        Text(record, "process_side").ShouldBe("src");
    }

    [Fact]
    public void An_inspection_without_a_direction_is_unknown_kept_as_mapped_and_not_an_error()
    {
        var (raw, record) = Pair("NetworkSignatureInspected");
        Text(record, "src_ip").ShouldBe(raw.GetProperty("LocalIP").GetString());
        Text(record, "network_direction").ShouldBe("unknown");
        record.TryGetProperty("network_initiated", out _).ShouldBeFalse();
        record.GetProperty("rosetta").TryGetProperty("diagnostics", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_scan_of_the_devices_public_face_is_inbound_with_its_sides_as_reported()
    {
        var (raw, record) = Pair("InboundInternetScanInspected");
        Text(record, "network_direction").ShouldBe("inbound");
        Text(record, "dst_ip").ShouldBe(raw.GetProperty("RemoteIP").GetString());
        Text(record, "process_side").ShouldBe("src");
    }

    [Fact]
    public void A_connection_between_one_address_and_itself_is_local()
    {
        var (_, record) = Pair("ConnectionFound");
        Text(record, "network_direction").ShouldBe("local");
        record.TryGetProperty("network_initiated", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_type_of_an_address_moves_with_it()
    {
        var (raw, record) = Pair("ConnectionRequest");
        Text(record, "src_ip_type").ShouldBe(raw.GetProperty("LocalIPType").GetString());
        Text(record, "dst_ip_type").ShouldBe(raw.GetProperty("RemoteIPType").GetString());
        var (_, inbound) = Pair("NtlmAuthenticationInspected");
        Text(inbound, "src_ip_type").ShouldBe("Public"); // derived: the export leaves RemoteIPType null
    }

    [Fact]
    public void An_unknown_ActionType_is_kept_as_mapped_marked_unknown_and_reported()
    {
        var line = File.ReadLines(Paths.DefenderCorpus).First(l => l.Contains("\"ConnectionSuccess\"", StringComparison.Ordinal))
            .Replace("\"ConnectionSuccess\"", "\"ConnectionTeleported\"", StringComparison.Ordinal);

        var result = Engine.RunText(line);

        var record = result.Records.ShouldHaveSingleItem();
        Text(record, "network_direction").ShouldBe("unknown");
        record.GetProperty("rosetta").GetProperty("diagnostics")[0].GetString()!.ShouldContain("ActionType 'ConnectionTeleported' has no orientation case");
        result.Summary.UnknownDirections.Values.Sum().ShouldBe(1);
        result.Summary.RecordsOut.ShouldBe(1);
    }

    [Fact]
    public void A_portal_csv_row_orients_by_AdditionalFields_written_as_plain_json_text()
    {
        var csv = "Timestamp,DeviceId,DeviceName,ActionType,RemoteIP,RemotePort,LocalIP,LocalPort,Protocol,InitiatingProcessId,AdditionalFields\n"
            + "2024-05-01T10:00:00Z,abc,host1,HttpConnectionInspected,8.8.8.8,80,10.0.0.5,51000,Tcp,42,\"{\"\"direction\"\":\"\"In\"\"}\"\n";

        var record = Engine.RunText(csv, ".csv").Records.ShouldHaveSingleItem();

        Text(record, "src_ip").ShouldBe("8.8.8.8");
        Text(record, "dst_port").ShouldBe("51000", "the local port, now the destination's");
        Text(record, "network_direction").ShouldBe("inbound");
    }

    [Fact]
    public void A_SentinelOne_incoming_connection_keeps_its_sides_and_puts_the_process_at_the_destination()
    {
        var record = Engine.RunText(
            "{\"tcpv4\":{\"direction\":\"INCOMING\",\"status\":\"SUCCESS\",\"sourceAddress\":{\"address\":\"203.0.113.9\",\"port\":50123},"
            + "\"destinationAddress\":{\"address\":\"10.0.0.7\",\"port\":443},\"source\":{\"name\":\"nginx\",\"fullPid\":{\"pid\":812}}}}").Records.ShouldHaveSingleItem();

        Text(record, "src_ip").ShouldBe("203.0.113.9");
        Text(record, "network_direction").ShouldBe("inbound");
        record.GetProperty("network_initiated").GetBoolean().ShouldBeFalse();
        Text(record, "process_side").ShouldBe("dst");
        Text(record, "network_protocol").ShouldBe("tcp");
        Text(record, "network_community_id").ShouldStartWith("1:");
        record.TryGetProperty("vendor", out _).ShouldBeFalse("every field has a standard name; tcpv4.direction is carried by network_direction");
    }

    [Fact]
    public void Both_ends_on_loopback_is_local()
    {
        var record = Engine.RunText(
            "{\"tcpv4\":{\"direction\":\"OUTGOING\",\"sourceAddress\":{\"address\":\"127.0.0.1\",\"port\":50123},"
            + "\"destinationAddress\":{\"address\":\"127.0.0.1\",\"port\":8080}}}").Records.ShouldHaveSingleItem();

        Text(record, "network_direction").ShouldBe("local");
        record.GetProperty("network_initiated").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("orientation: { src_is: sideways, by: X }", "RO021")]
    [InlineData("orientation: { src_is: local }", "RO021")]
    [InlineData("orientation: { src_is: local, by: X, cases: { A: upward } }", "RO022")]
    [InlineData("orientation: { src_is: local, by: X, cases: { A: details } }", "RO022")]
    [InlineData("orientation: { src_is: local, by: X, colour: red }", "RO020")]
    public void A_wrong_orientation_is_an_error_with_its_line(string orientation, string code)
    {
        var overlay = OverlayReader.Read("x.rosetta.yml", $"id: x\nextends: y.md\n{orientation}\n");

        var diagnostic = overlay.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Line.ShouldBe(3);
    }

    private static (JsonElement Raw, JsonElement Record) Pair(string action)
    {
        var (raw, normalized) = DefenderCorpus.Value;
        return (raw[action + "#0"], normalized[action + "#0"]);
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;

    private static long? Number(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
