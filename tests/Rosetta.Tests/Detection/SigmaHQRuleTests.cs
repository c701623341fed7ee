using Shouldly;
using Xunit;
using static Rosetta.Tests.Detection.SigmaEvents;

namespace Rosetta.Tests.Detection;

/// <summary>
/// Every SigmaHQ rule in ../shared/sigma/rules loads and runs on at least two vendors' events: an event written from
/// the rule's own logic matches it, a near miss (one value on the other side of a selection or a filter) does not.
/// </summary>
public class SigmaHQRuleTests
{
    private const string Public = "198.51.100.7";

    public static TheoryData<string, string[], Dictionary<string, string>, Dictionary<string, string>> Cases => new()
    {
        {
            "net_connection_lnx_susp_malware_callback_port.yml", [DeepVisibility, CloudFunnel],
            new() { ["DestinationPort"] = "4444", ["DestinationIp"] = Public },
            new() { ["DestinationPort"] = "4444", ["DestinationIp"] = "10.1.2.3" }
        },
        {
            "net_connection_win_susp_malware_callback_port.yml", [SysmonNetwork, DefenderNetwork, DeepVisibility],
            new() { ["DestinationPort"] = "4443", ["Image"] = @"C:\Users\bob\AppData\Local\Temp\svc.exe" },
            new() { ["DestinationPort"] = "4443", ["Image"] = @"C:\Users\bob\AppData\Local\Temp\svc.exe", ["DestinationIp"] = "192.168.1.20" }
        },
        {
            "net_connection_win_certutil_initiated_connection.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Windows\System32\certutil.exe", ["DestinationPort"] = "80" },
            new() { ["Image"] = @"C:\Windows\System32\certutil.exe", ["DestinationPort"] = "8080" }
        },
        {
            "net_connection_win_domain_crypto_mining_pools.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["DestinationHostname"] = "pool.minexmr.com" },
            new() { ["DestinationHostname"] = "pool.example.com" }
        },
        {
            "net_connection_win_domain_ngrok.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["DestinationHostname"] = "a1b2.ngrok-free.app" },
            new() { ["DestinationHostname"] = "ngrok-free.app.example.com" }
        },
        {
            "net_connection_win_domain_telegram_api_non_browser_access.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["Image"] = @"C:\Users\bob\AppData\Local\Temp\bot.exe", ["DestinationHostname"] = "api.telegram.org" },
            new() { ["Image"] = @"C:\Program Files\Google\Chrome\Application\chrome.exe", ["DestinationHostname"] = "api.telegram.org" }
        },
        {
            "net_connection_win_malware_3cx_compromise_beaconing_activity.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["Image"] = @"C:\Users\bob\AppData\Local\Programs\3CXDesktopApp\3CXDesktopApp.exe", ["DestinationHostname"] = "cdn.msstorageazure.com" },
            new() { ["Image"] = @"C:\Users\bob\AppData\Local\Programs\3CXDesktopApp\3CXDesktopApp.exe", ["DestinationHostname"] = "www.3cx.com" }
        },
        {
            "net_connection_win_office_outbound_non_local_ip.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE" },
            new() { ["Image"] = @"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE", ["DestinationIp"] = "52.160.10.1" }
        },
        {
            "net_connection_win_powershell_network_connection.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" },
            new() { ["Image"] = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", ["DestinationIp"] = "10.1.2.3", ["User"] = @"NT AUTHORITY\SYSTEM" }
        },
        {
            "net_connection_win_python.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Python311\python.exe" },
            new() { ["Image"] = @"C:\Python311\python.exe", ["SourceIp"] = "127.0.0.1", ["DestinationIp"] = "127.0.0.1" }
        },
        {
            "net_connection_win_rdp_reverse_tunnel.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["Image"] = @"C:\Windows\System32\svchost.exe", ["SourceIp"] = "127.0.0.1", ["SourcePort"] = "3389", ["DestinationIp"] = "127.0.0.1", ["DestinationPort"] = "50123" },
            new() { ["Image"] = @"C:\Windows\System32\svchost.exe", ["SourceIp"] = "10.0.0.5", ["SourcePort"] = "3389", ["DestinationIp"] = Public, ["DestinationPort"] = "50123" }
        },
        {
            "net_connection_win_rundll32_net_connections.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Windows\System32\rundll32.exe" },
            new() { ["Image"] = @"C:\Windows\System32\rundll32.exe", ["DestinationIp"] = "172.16.4.4" }
        },
        {
            "net_connection_win_susp_binary_no_cmdline.yml", [DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Windows\System32\rundll32.exe", ["CommandLine"] = @"C:\Windows\System32\rundll32.exe" },
            new() { ["Image"] = @"C:\Windows\System32\rundll32.exe", ["CommandLine"] = @"C:\Windows\System32\rundll32.exe shell32.dll,Control_RunDLL" }
        },
        {
            "net_connection_win_susp_file_sharing_domains_susp_folders.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["Image"] = @"C:\Users\Public\update.exe", ["DestinationHostname"] = "raw.githubusercontent.com" },
            new() { ["Image"] = @"C:\Program Files\Git\git.exe", ["DestinationHostname"] = "raw.githubusercontent.com" }
        },
        {
            "net_connection_win_susp_outbound_smtp_connections.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Users\bob\AppData\Local\Temp\mailer.exe", ["DestinationPort"] = "587" },
            new() { ["Image"] = @"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", ["DestinationPort"] = "587" }
        },
        {
            "net_connection_win_susp_remote_powershell_session.yml", [SysmonNetwork, DefenderNetwork],
            new() { ["DestinationIp"] = "10.0.0.9", ["DestinationPort"] = "5985" },
            new() { ["DestinationIp"] = "10.0.0.9", ["DestinationPort"] = "5985", ["User"] = @"NT AUTHORITY\NETWORK SERVICE" }
        },
        {
            "net_connection_win_wscript_cscript_outbound_connection.yml", [SysmonNetwork, DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Windows\System32\wscript.exe" },
            new() { ["Image"] = @"C:\Windows\System32\wscript.exe", ["DestinationIp"] = "20.1.2.3" }
        },
        {
            "net_connection_win_wuauclt_network_connection.yml", [DefenderNetwork, CloudFunnel],
            new() { ["Image"] = @"C:\Windows\System32\wuauclt.exe", ["CommandLine"] = @"""C:\Windows\System32\wuauclt.exe"" /RunHandlerComServer" },
            new() { ["Image"] = @"C:\Windows\System32\wuauclt.exe", ["CommandLine"] = @"""C:\Windows\System32\wuauclt.exe"" /RunHandlerComServer", ["DestinationIp"] = "20.190.1.1" }
        },
        {
            "proc_creation_win_certutil_decode.yml", [SysmonProcess, DefenderProcess],
            new() { ["Image"] = @"C:\Windows\System32\certutil.exe", ["OriginalFileName"] = "CertUtil.exe", ["CommandLine"] = "certutil /decode payload.b64 payload.exe" },
            new() { ["Image"] = @"C:\Windows\System32\certutil.exe", ["OriginalFileName"] = "CertUtil.exe", ["CommandLine"] = "certutil -encode payload.exe payload.b64" }
        },
        {
            "proc_creation_win_curl_download_direct_ip_exec.yml", [SysmonProcess, DefenderProcess],
            new() { ["Image"] = @"C:\Windows\System32\curl.exe", ["OriginalFileName"] = "curl.exe", ["CommandLine"] = "curl -O http://203.0.113.5/payload.txt" },
            new() { ["Image"] = @"C:\Windows\System32\curl.exe", ["OriginalFileName"] = "curl.exe", ["CommandLine"] = "curl -O http://203.0.113.5/payload.exe" }
        },
        {
            "proc_creation_win_pua_adfind_execution.yml", [SysmonProcess, DefenderProcess],
            new() { ["Image"] = @"C:\Tools\AdFind.exe", ["OriginalFileName"] = "AdFind.exe" },
            new() { ["Image"] = @"C:\Tools\AdFinder.exe", ["OriginalFileName"] = "AdFinder.exe" }
        },
        {
            "proc_creation_win_susp_cross_user_process_spawn.yml", [SysmonProcess, DefenderProcess],
            new() { ["Image"] = @"C:\Windows\System32\calc.exe", ["User"] = @"CORP\bob", ["ParentUser"] = @"CORP\alice" },
            new() { ["Image"] = @"C:\Windows\System32\calc.exe", ["User"] = @"CORP\alice", ["ParentUser"] = @"CORP\alice" }
        },
        {
            "proc_creation_win_wmic_uninstall_security_products.yml", [SysmonProcess, DefenderProcess],
            new() { ["Image"] = @"C:\Windows\System32\wbem\WMIC.exe", ["CommandLine"] = @"wmic product where ""name like '%Malwarebytes%'"" call uninstall /nointeractive" },
            new() { ["Image"] = @"C:\Windows\System32\wbem\WMIC.exe", ["CommandLine"] = @"wmic product where ""name like '%Notepad++%'"" call uninstall /nointeractive" }
        },
    };

    [Fact]
    public void Every_shared_rule_loads_and_each_has_a_case_here()
    {
        var set = Sigma.SharedRuleSet;

        set.Problems.ShouldBeEmpty();
        set.Rules.Count.ShouldBe(23);
        var covered = Cases.Select(c => (string)c[0]).ToHashSet();
        set.Rules.Select(r => Path.GetFileName(r.Rule.Origin.Split(':')[0])).ShouldAllBe(f => covered.Contains(f));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_event_from_the_rule_s_logic_matches_on_each_source_and_its_near_miss_does_not(string rule, string[] sources, Dictionary<string, string> match, Dictionary<string, string> miss)
    {
        sources.Length.ShouldBeGreaterThanOrEqualTo(2);
        var id = Sigma.Rule(rule).Rule.Id;
        foreach (var source in sources)
        {
            var hit = Sigma.Detect(Write(source, match)).ShouldHaveSingleItem();
            hit.Source.ShouldBe(source);
            hit.Rules.ShouldContain(id, $"{rule} on {source}");

            var near = Sigma.Detect(Write(source, miss)).ShouldHaveSingleItem();
            near.Rules.ShouldNotContain(id, $"{rule}'s near miss on {source}");
        }
    }
}
