using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Rosetta.Tests.Storage;

/// <summary>
/// Events in the vendors' own formats for store and hunt fixtures: each starts from a bundled sample event and
/// changes only the fields a test is about, so the rest stays as the vendor writes it.
/// </summary>
internal static class VendorEvents
{
    private static readonly Lazy<string> S1Template = new(() =>
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Paths.Samples, "sentinelone", "deep-visibility-export.ndjson.gz")), CompressionMode.Decompress);
        return new StreamReader(gzip).ReadLine()!;
    });

    private static readonly Lazy<string> DefenderTemplate = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Samples, "defender", "advanced-hunting-api.json")))!["Results"]![0]!.ToJsonString());

    private static readonly Lazy<string> CloudFunnelTemplate = new(() => File.ReadLines(Path.Combine(Paths.Samples, "sentinelone", "cloud-funnel.ndjson")).First());

    private static readonly Lazy<string> ZeekTemplate = new(() => File.ReadLines(Path.Combine(Paths.Samples, "zeek", "conn-gateway.log")).First());

    /// <summary>2024-03-01T00:00:00Z, in milliseconds: fixtures count from here.</summary>
    public const long Epoch = 1_709_251_200_000;

    /// <summary>A SentinelOne Deep Visibility outgoing TCP connection, one NDJSON line.</summary>
    public static string SentinelOne(long milliseconds, string process, string srcIp, int srcPort, string dstIp, int dstPort, string direction = "OUTGOING")
    {
        var e = JsonNode.Parse(S1Template.Value)!;
        var tcp = e["tcpv4"]!;
        tcp["direction"] = direction;
        tcp["sourceAddress"] = new JsonObject { ["port"] = srcPort, ["address"] = srcIp };
        tcp["destinationAddress"] = new JsonObject { ["port"] = dstPort, ["address"] = dstIp };
        tcp["source"]!["name"] = process;
        tcp["source"]!["commandLine"] = process + " --fixture";
        tcp["trueContext"]!["key"]!["value"] = $"{milliseconds:X16}";
        e["timestamp"]!["millisecondsSinceEpoch"] = milliseconds;
        return e.ToJsonString();
    }

    /// <summary>A Defender DeviceNetworkEvents row (ConnectionSuccess), one NDJSON line.</summary>
    public static string Defender(long milliseconds, string folderPath, string srcIp, int srcPort, string dstIp, int dstPort, long reportId)
    {
        var e = JsonNode.Parse(DefenderTemplate.Value)!;
        e["Timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        e["ActionType"] = "ConnectionSuccess";
        e["LocalIP"] = srcIp;
        e["LocalPort"] = srcPort;
        e["RemoteIP"] = dstIp;
        e["RemotePort"] = dstPort;
        e["RemoteIPType"] = null;
        e["LocalIPType"] = null;
        e["InitiatingProcessFolderPath"] = folderPath;
        e["InitiatingProcessFileName"] = Path.GetFileName(folderPath.Replace('\\', '/'));
        e["ReportId"] = reportId;
        return e.ToJsonString();
    }

    /// <summary>A SentinelOne Cloud Funnel outgoing connection with the process's signature status.</summary>
    public static string CloudFunnel(long milliseconds, string process, string signedStatus, string dstIp, int dstPort)
    {
        var e = JsonNode.Parse(CloudFunnelTemplate.Value)!;
        e["event.time"] = milliseconds;
        e["src.process.name"] = process;
        e["src.process.signedStatus"] = signedStatus;
        e["dst.ip.address"] = dstIp;
        e["dst.port.number"] = dstPort;
        return e.ToJsonString();
    }

    /// <summary>A Zeek conn.log record (JSON) of a connection from a local host.</summary>
    public static string Zeek(long milliseconds, string uid, string origIp, int origPort, string respIp, int respPort)
    {
        var e = JsonNode.Parse(ZeekTemplate.Value)!;
        e["ts"] = milliseconds / 1000.0;
        e["uid"] = uid;
        e["id.orig_h"] = origIp;
        e["id.orig_p"] = origPort;
        e["id.resp_h"] = respIp;
        e["id.resp_p"] = respPort;
        return e.ToJsonString();
    }
}
