using System.Text.Json.Nodes;
using Rosetta.Tests.Storage;

namespace Rosetta.Tests.Detection;

/// <summary>
/// One event described by Sigma's (Sysmon's) field names, written in a vendor's own format: Sysmon event 3 or 1 as
/// evtx_dump JSON, a Defender DeviceNetworkEvents or DeviceProcessEvents row, a SentinelOne Cloud Funnel or Deep
/// Visibility line. Fields the description leaves out get harmless defaults.
/// </summary>
internal static class SigmaEvents
{
    public const string SysmonNetwork = "sysmon.network";
    public const string SysmonProcess = "sysmon.process";
    public const string DefenderNetwork = "mde.network";
    public const string DefenderProcess = "mde.process";
    public const string CloudFunnel = "sentinelone.cf.network";
    public const string DeepVisibility = "sentinelone.dv.network";

    private static readonly Dictionary<string, string> NetworkDefaults = new()
    {
        ["Image"] = @"C:\Program Files\Vendor\agent.exe", ["CommandLine"] = @"""C:\Program Files\Vendor\agent.exe"" --service",
        ["User"] = @"CORP\alice", ["Initiated"] = "true", ["Protocol"] = "tcp",
        ["SourceIp"] = "10.0.0.5", ["SourcePort"] = "50000", ["DestinationIp"] = "198.51.100.7", ["DestinationPort"] = "443",
    };

    private static readonly Dictionary<string, string> ProcessDefaults = new()
    {
        ["Image"] = @"C:\Windows\System32\notepad.exe", ["OriginalFileName"] = "NOTEPAD.EXE", ["CommandLine"] = "notepad.exe",
        ["User"] = @"CORP\alice", ["ParentImage"] = @"C:\Windows\explorer.exe", ["ParentUser"] = @"CORP\alice",
        ["ParentCommandLine"] = @"C:\Windows\explorer.exe", ["Hashes"] = "SHA256=0000000000000000000000000000000000000000000000000000000000000001",
    };

    private static long _serial;

    /// <summary>The event in <paramref name="source"/>'s format.</summary>
    public static string Write(string source, Dictionary<string, string> fields)
    {
        var isProcess = source is SysmonProcess or DefenderProcess;
        var f = new Dictionary<string, string>(isProcess ? ProcessDefaults : NetworkDefaults);
        foreach (var (key, value) in fields)
        {
            f[key] = value;
        }

        var serial = Interlocked.Increment(ref _serial);
        return source switch
        {
            SysmonNetwork => Sysmon(3, serial, f, ["Image", "User", "Protocol", "Initiated", "SourceIp", "SourcePort", "DestinationIp", "DestinationHostname", "DestinationPort"]),
            SysmonProcess => Sysmon(1, serial, f, ["Image", "OriginalFileName", "CommandLine", "User", "Hashes", "ParentImage", "ParentCommandLine", "ParentUser"]),
            DefenderNetwork => Defender(serial, f),
            DefenderProcess => DefenderProcessRow(serial, f),
            CloudFunnel => Funnel(serial, f),
            DeepVisibility => VendorEvents.SentinelOne(VendorEvents.Epoch + serial, FileName(f["Image"]), f["SourceIp"], int.Parse(f["SourcePort"]), f["DestinationIp"], int.Parse(f["DestinationPort"])),
            _ => throw new ArgumentException(source),
        };
    }

    private static string Sysmon(int eventId, long serial, Dictionary<string, string> f, string[] names)
    {
        var data = new JsonObject { ["RuleName"] = "-", ["UtcTime"] = "2024-03-01 00:00:00.000", ["ProcessId"] = 4000 + serial };
        foreach (var name in names)
        {
            data[name] = f.TryGetValue(name, out var value) ? value : "-";
        }

        if (eventId == 3)
        {
            data["SourceIsIpv6"] = f["SourceIp"].Contains(':', StringComparison.Ordinal) ? "true" : "false";
            data["DestinationIsIpv6"] = f["DestinationIp"].Contains(':', StringComparison.Ordinal) ? "true" : "false";
        }

        var e = new JsonObject
        {
            ["Event"] = new JsonObject
            {
                ["System"] = new JsonObject
                {
                    ["Provider"] = new JsonObject { ["#attributes"] = new JsonObject { ["Name"] = "Microsoft-Windows-Sysmon" } },
                    ["EventID"] = eventId,
                    ["TimeCreated"] = new JsonObject { ["#attributes"] = new JsonObject { ["SystemTime"] = "2024-03-01T00:00:00.000000Z" } },
                    ["EventRecordID"] = serial,
                    ["Channel"] = "Microsoft-Windows-Sysmon/Operational",
                    ["Computer"] = "ws1.corp.example.com",
                },
                ["EventData"] = data,
            },
        };
        return e.ToJsonString();
    }

    private static string Defender(long serial, Dictionary<string, string> f)
    {
        var initiated = f["Initiated"] == "true";
        var e = JsonNode.Parse(VendorEvents.Defender(VendorEvents.Epoch + serial, f["Image"],
            initiated ? f["SourceIp"] : f["DestinationIp"], int.Parse(initiated ? f["SourcePort"] : f["DestinationPort"]),
            initiated ? f["DestinationIp"] : f["SourceIp"], int.Parse(initiated ? f["DestinationPort"] : f["SourcePort"]), serial))!;
        e["ActionType"] = initiated ? "ConnectionSuccess" : "InboundConnectionAccepted";
        e["RemoteUrl"] = f.GetValueOrDefault("DestinationHostname");
        e["InitiatingProcessCommandLine"] = f["CommandLine"];
        e["Protocol"] = f["Protocol"] == "udp" ? "Udp" : "Tcp";
        (e["InitiatingProcessAccountDomain"], e["InitiatingProcessAccountName"]) = Split(f["User"]);
        return e.ToJsonString();
    }

    private static string DefenderProcessRow(long serial, Dictionary<string, string> f)
    {
        var template = File.ReadLines(Paths.DefenderCorpus).First(l => l.Contains("AdvancedHunting-DeviceProcessEvents", StringComparison.Ordinal));
        var e = JsonNode.Parse(template)!;
        var p = e["properties"]!;
        p["ReportId"] = serial;
        p["FolderPath"] = f["Image"];
        p["FileName"] = FileName(f["Image"]);
        p["ProcessCommandLine"] = f["CommandLine"];
        p["ProcessVersionInfoOriginalFileName"] = f["OriginalFileName"];
        p["InitiatingProcessFolderPath"] = f["ParentImage"];
        p["InitiatingProcessFileName"] = FileName(f["ParentImage"]);
        p["InitiatingProcessCommandLine"] = f["ParentCommandLine"];
        (p["AccountDomain"], p["AccountName"]) = Split(f["User"]);
        (p["InitiatingProcessAccountDomain"], p["InitiatingProcessAccountName"]) = Split(f["ParentUser"]);
        return e.ToJsonString();
    }

    private static string Funnel(long serial, Dictionary<string, string> f)
    {
        var e = JsonNode.Parse(VendorEvents.CloudFunnel(VendorEvents.Epoch + serial, FileName(f["Image"]), "signed", f["DestinationIp"], int.Parse(f["DestinationPort"])))!;
        e["src.process.image.path"] = f["Image"];
        e["src.process.cmdline"] = f["CommandLine"];
        e["src.process.user"] = f["User"];
        e["src.ip.address"] = f["SourceIp"];
        e["src.port.number"] = int.Parse(f["SourcePort"]);
        e["event.network.direction"] = f["Initiated"] == "true" ? "OUTGOING" : "INCOMING";
        return e.ToJsonString();
    }

    private static string FileName(string path) => path[(path.LastIndexOfAny(['\\', '/']) + 1)..];

    private static (JsonNode? Domain, JsonNode? Name) Split(string user)
    {
        var slash = user.IndexOf('\\', StringComparison.Ordinal);
        return slash < 0 ? (null, user) : (user[..slash], user[(slash + 1)..]);
    }
}
