using System.Text.Json;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping.Semantics;

/// <summary>
/// One connection, reported by every network source in its own words and export format, normalizes to the same
/// standard values: sides, ports, protocol, direction, initiated, address kinds and Community ID.
/// </summary>
public class CrossSourceTests
{
    // The workstation 10.0.0.5 opens TCP 10.0.0.5:50000 -> 93.184.216.34:443.
    private const string Host = "10.0.0.5";
    private const string Web = "93.184.216.34";

    // A client 81.2.69.142:51000 connects to the workstation's RDP port 10.0.0.5:3389.
    private const string Client = "81.2.69.142";

    public static TheoryData<string, string, string> Outbound() => new()
    {
        { "mde.network", ".ndjson", Defender("ConnectionSuccess", local: (Host, 50000), remote: (Web, 443)) },
        { "sentinelone.dv.network", ".ndjson", DeepVisibility("OUTGOING", source: (Host, 50000), destination: (Web, 443)) },
        { "sentinelone.cf.network", ".ndjson", CloudFunnel("OUTGOING", source: (Host, 50000), destination: (Web, 443)) },
        { "sysmon.network", ".xml", Sysmon(initiated: true, source: (Host, 50000), destination: (Web, 443)) },
        { "windows.security.5156", ".xml", Wfp("%%14593", source: (Host, 50000), destination: (Web, 443)) },
        { "zeek.conn", ".ndjson", Zeek(localOrig: true, localResp: false, orig: (Host, 50000), resp: (Web, 443)) },
        { "carbonblack.netconn", ".ndjson", CarbonBlack("outbound", local: (Host, 50000), remote: (Web, 443)) },
    };

    public static TheoryData<string, string, string> Inbound() => new()
    {
        { "mde.network", ".ndjson", Defender("InboundConnectionAccepted", local: (Host, 3389), remote: (Client, 51000)) },
        { "sentinelone.dv.network", ".ndjson", DeepVisibility("INCOMING", source: (Client, 51000), destination: (Host, 3389)) },
        { "sentinelone.cf.network", ".ndjson", CloudFunnel("INCOMING", source: (Client, 51000), destination: (Host, 3389)) },
        { "sysmon.network", ".xml", Sysmon(initiated: false, source: (Client, 51000), destination: (Host, 3389)) },
        { "windows.security.5156", ".xml", Wfp("%%14592", source: (Host, 3389), destination: (Client, 51000)) },
        { "zeek.conn", ".ndjson", Zeek(localOrig: false, localResp: true, orig: (Client, 51000), resp: (Host, 3389)) },
        { "carbonblack.netconn", ".ndjson", CarbonBlack("inbound", local: (Host, 3389), remote: (Client, 51000)) },
    };

    [Theory]
    [MemberData(nameof(Outbound))]
    public void An_outbound_connection_has_the_same_standard_values_in_every_source(string source, string extension, string text)
    {
        var record = Normalize(source, extension, text);

        Expect(record, "src_ip", Host);
        Expect(record, "dst_ip", Web);
        record.GetProperty("src_port").GetInt32().ShouldBe(50000);
        record.GetProperty("dst_port").GetInt32().ShouldBe(443);
        Expect(record, "src_ip_type", "Private");
        Expect(record, "dst_ip_type", "Public");
        Expect(record, "network_direction", "outbound");
        record.GetProperty("network_initiated").GetBoolean().ShouldBeTrue();
        CommonFlowValues(record, OutboundCommunityId());
    }

    [Theory]
    [MemberData(nameof(Inbound))]
    public void An_inbound_connection_has_the_same_standard_values_in_every_source(string source, string extension, string text)
    {
        var record = Normalize(source, extension, text);

        Expect(record, "src_ip", Client);
        Expect(record, "dst_ip", Host);
        record.GetProperty("src_port").GetInt32().ShouldBe(51000);
        record.GetProperty("dst_port").GetInt32().ShouldBe(3389);
        Expect(record, "src_ip_type", "Public");
        Expect(record, "dst_ip_type", "Private");
        Expect(record, "network_direction", "inbound");
        record.GetProperty("network_initiated").GetBoolean().ShouldBeFalse();
        CommonFlowValues(record, InboundCommunityId());
        if (record.TryGetProperty("process_side", out var side))
        {
            side.GetString().ShouldBe("dst"); // the reporting process accepted the connection
        }
    }

    [Fact]
    public void The_two_directions_give_two_different_flows()
    {
        OutboundCommunityId().ShouldNotBe(InboundCommunityId());
    }

    private static string OutboundCommunityId() =>
        Normalize("mde.network", ".ndjson", Defender("ConnectionSuccess", (Host, 50000), (Web, 443))).GetProperty("network_community_id").GetString()!;

    private static string InboundCommunityId() =>
        Normalize("mde.network", ".ndjson", Defender("InboundConnectionAccepted", (Host, 3389), (Client, 51000))).GetProperty("network_community_id").GetString()!;

    private static void CommonFlowValues(JsonElement record, string communityId)
    {
        Expect(record, "network_protocol", "tcp");
        record.GetProperty("network_protocol_number").GetInt32().ShouldBe(6);
        Expect(record, "network_ip_version", "ipv4");
        Expect(record, "network_community_id", communityId);
        record.GetProperty("rosetta").TryGetProperty("diagnostics", out _).ShouldBeFalse();
    }

    private static JsonElement Normalize(string source, string extension, string text)
    {
        var result = Engine.RunText(text, extension);
        result.Dead.ShouldBeEmpty(result.DeadLetters);
        var record = result.Records.ShouldHaveSingleItem();
        Expect(record.GetProperty("rosetta"), "source", source);
        return record;
    }

    private static void Expect(JsonElement record, string name, string value) =>
        record.GetProperty(name).GetString().ShouldBe(value, name);

    private static string Defender(string action, (string Ip, int Port) local, (string Ip, int Port) remote) => Json(new Dictionary<string, object>
    {
        ["Timestamp"] = "2024-05-01T10:00:00Z", ["DeviceId"] = "d1", ["DeviceName"] = "ws-07", ["ActionType"] = action,
        ["LocalIP"] = local.Ip, ["LocalPort"] = local.Port, ["RemoteIP"] = remote.Ip, ["RemotePort"] = remote.Port,
        ["Protocol"] = "Tcp", ["InitiatingProcessId"] = 4242, ["InitiatingProcessFileName"] = "svchost.exe",
    });

    private static string DeepVisibility(string direction, (string Ip, int Port) source, (string Ip, int Port) destination) =>
        JsonSerializer.Serialize(new
        {
            timestamp = new { millisecondsSinceEpoch = 1714557600000 },
            processCreation = (object?)null,
            tcpv4 = new
            {
                direction,
                status = "SUCCESS",
                sourceAddress = new { address = source.Ip, port = source.Port },
                destinationAddress = new { address = destination.Ip, port = destination.Port },
                source = new { name = "svchost.exe", fullPid = new { pid = 4242 } },
            },
        });

    private static string CloudFunnel(string direction, (string Ip, int Port) source, (string Ip, int Port) destination) => Json(new Dictionary<string, object>
    {
        ["event.time"] = 1714557600000, ["event.type"] = direction == "OUTGOING" ? "IPConnect" : "IPListen",
        ["event.network.direction"] = direction, ["event.network.connectionStatus"] = "SUCCESS",
        ["src.ip.address"] = source.Ip, ["src.port.number"] = source.Port, ["dst.ip.address"] = destination.Ip,
        ["dst.port.number"] = destination.Port, ["src.process.name"] = "svchost.exe", ["src.process.pid"] = 4242,
    });

    private static string Sysmon(bool initiated, (string Ip, int Port) source, (string Ip, int Port) destination) => $"""
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
          <System><Provider Name="Microsoft-Windows-Sysmon" Guid="{"{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"}" /><EventID>3</EventID>
            <TimeCreated SystemTime="2024-05-01T10:00:00.1000000Z" /><EventRecordID>77</EventRecordID><Computer>ws-07</Computer></System>
          <EventData>
            <Data Name="RuleName">-</Data><Data Name="UtcTime">2024-05-01 10:00:00.000</Data>
            <Data Name="ProcessId">4242</Data><Data Name="Image">C:\Windows\System32\svchost.exe</Data>
            <Data Name="User">NT AUTHORITY\NETWORK SERVICE</Data><Data Name="Protocol">tcp</Data>
            <Data Name="Initiated">{(initiated ? "true" : "false")}</Data><Data Name="SourceIsIpv6">false</Data>
            <Data Name="SourceIp">{source.Ip}</Data><Data Name="SourceHostname">-</Data><Data Name="SourcePort">{source.Port}</Data>
            <Data Name="SourcePortName">-</Data><Data Name="DestinationIsIpv6">false</Data><Data Name="DestinationIp">{destination.Ip}</Data>
            <Data Name="DestinationHostname">-</Data><Data Name="DestinationPort">{destination.Port}</Data><Data Name="DestinationPortName">-</Data>
          </EventData>
        </Event>
        """;

    private static string Wfp(string direction, (string Ip, int Port) source, (string Ip, int Port) destination) => $"""
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
          <System><Provider Name="Microsoft-Windows-Security-Auditing" /><EventID>5156</EventID>
            <TimeCreated SystemTime="2024-05-01T10:00:00.1000000Z" /><EventRecordID>78</EventRecordID><Computer>ws-07</Computer></System>
          <EventData>
            <Data Name="ProcessID">4242</Data><Data Name="Application">\device\harddiskvolume2\windows\system32\svchost.exe</Data>
            <Data Name="Direction">{direction}</Data><Data Name="SourceAddress">{source.Ip}</Data><Data Name="SourcePort">{source.Port}</Data>
            <Data Name="DestAddress">{destination.Ip}</Data><Data Name="DestPort">{destination.Port}</Data><Data Name="Protocol">6</Data>
            <Data Name="FilterRTID">67262</Data><Data Name="LayerName">%%14610</Data><Data Name="LayerRTID">46</Data>
          </EventData>
        </Event>
        """;

    private static string Zeek(bool localOrig, bool localResp, (string Ip, int Port) orig, (string Ip, int Port) resp) => Json(new Dictionary<string, object>
    {
        ["ts"] = 1714557600.0, ["uid"] = "CHhAvVGS1DHFjwGM9", ["id.orig_h"] = orig.Ip, ["id.orig_p"] = orig.Port,
        ["id.resp_h"] = resp.Ip, ["id.resp_p"] = resp.Port, ["proto"] = "tcp", ["conn_state"] = "SF",
        ["local_orig"] = localOrig, ["local_resp"] = localResp,
    });

    private static string CarbonBlack(string direction, (string Ip, int Port) local, (string Ip, int Port) remote) => Json(new Dictionary<string, object>
    {
        ["type"] = "ingress.event.netconn", ["timestamp"] = 1714557600, ["computer_name"] = "ws-07", ["direction"] = direction,
        ["local_ip"] = local.Ip, ["local_port"] = local.Port, ["remote_ip"] = remote.Ip, ["remote_port"] = remote.Port,
        ["protocol"] = 6, ["pid"] = 4242,
    });

    private static string Json(Dictionary<string, object> fields) => JsonSerializer.Serialize(fields);
}
