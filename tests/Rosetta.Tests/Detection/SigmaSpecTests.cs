using Rosetta.Detection;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Detection;

/// <summary>The Sigma specification's features, each with a rule written here and records that must and must not match.</summary>
public sealed class SigmaSpecTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-sigma-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RuleSet Rules(string detection, string category = "process_creation", string product = "windows")
    {
        var path = Path.Combine(_folder, $"rule-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, $"title: Test\nid: test-rule\nlogsource:\n    category: {category}\n    product: {product}\ndetection:\n{detection}\nlevel: high\n");
        return Sigma.Load(path);
    }

    private static bool Matches(RuleSet rules, Dictionary<string, string> fields, string source = SigmaEvents.SysmonProcess) =>
        Sigma.Detect(SigmaEvents.Write(source, fields), rules: rules).Single().Rules.Contains("test-rule");

    [Theory]
    [InlineData(@"Image: 'C:\Windows\System32\cmd.exe'", @"C:\WINDOWS\system32\CMD.EXE", true)]     // case-insensitive by default
    [InlineData(@"Image|cased: 'C:\Windows\System32\cmd.exe'", @"C:\WINDOWS\system32\CMD.EXE", false)]
    [InlineData(@"Image: '*\cmd.exe'", @"C:\Windows\System32\cmd.exe", true)]
    [InlineData(@"Image: 'C:\Windows\System32\cm?.exe'", @"C:\Windows\System32\cmd.exe", true)]
    [InlineData(@"Image: 'C:\Windows\System32\cm\?.exe'", @"C:\Windows\System32\cmd.exe", false)]  // an escaped ? is a ?
    [InlineData(@"Image: 'C:\Windows\System32\cm\?.exe'", @"C:\Windows\System32\cm?.exe", true)]
    [InlineData(@"Image|endswith: '\cmd.exe'", @"C:\Windows\System32\cmd.exe", true)]
    [InlineData(@"Image|startswith: 'C:\Windows\'", @"C:\Windows\System32\cmd.exe", true)]
    [InlineData(@"Image|contains: ':\Windows\'", @"C:\Windows\System32\cmd.exe", true)]   // a trailing backslash stays a backslash
    [InlineData(@"Image|contains: ':\Windows\'", @"C:\WindowsApps\cmd.exe", false)]
    [InlineData(@"Image|re: '(?i)\\CMD\.exe$'", @"C:\Windows\System32\cmd.exe", true)]
    [InlineData(@"Image|re: '\\CMD\.exe$'", @"C:\Windows\System32\cmd.exe", false)]       // re is case-sensitive
    [InlineData(@"Image|re|i: '\\CMD\.exe$'", @"C:\Windows\System32\cmd.exe", true)]
    public void Values_wildcards_escapes_and_case(string selection, string image, bool expected)
    {
        Matches(Rules($"    selection:\n        {selection}\n    condition: selection"), new() { ["Image"] = image }).ShouldBe(expected);
    }

    [Theory]
    [InlineData("-decode", "certutil -decode a b", true)]
    [InlineData("-decode", "certutil /decode a b", true)]
    [InlineData("-decode", "certutil \u2013decode a b", true)]
    [InlineData("-decode", "certutil \u2014decode a b", true)]
    [InlineData("-decode", "certutil decode a b", false)]
    public void Windash_matches_every_dash_of_a_flag(string value, string commandLine, bool expected)
    {
        Matches(Rules($"    selection:\n        CommandLine|contains|windash: '{value}'\n    condition: selection"), new() { ["CommandLine"] = commandLine }).ShouldBe(expected);
    }

    [Fact]
    public void All_requires_every_value_and_a_list_any()
    {
        var all = Rules("    selection:\n        CommandLine|contains|all:\n            - 'wmic'\n            - 'uninstall'\n    condition: selection");
        Matches(all, new() { ["CommandLine"] = "wmic product call uninstall" }).ShouldBeTrue();
        Matches(all, new() { ["CommandLine"] = "wmic product get name" }).ShouldBeFalse();

        var any = Rules("    selection:\n        CommandLine|contains:\n            - 'wmic'\n            - 'uninstall'\n    condition: selection");
        Matches(any, new() { ["CommandLine"] = "wmic product get name" }).ShouldBeTrue();
    }

    [Fact]
    public void Base64_and_base64offset_find_the_encoded_text_at_any_alignment()
    {
        var plain = "Invoke-Mimikatz";
        var offset = Rules($"    selection:\n        CommandLine|base64offset|contains: '{plain}'\n    condition: selection");
        for (var pad = 0; pad < 3; pad++)
        {
            var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(new string('x', pad) + plain + "!!"));
            Matches(offset, new() { ["CommandLine"] = "powershell -enc " + encoded }).ShouldBeTrue($"offset {pad}");
        }

        Matches(offset, new() { ["CommandLine"] = "powershell -enc " + Convert.ToBase64String("Invoke-Nothing"u8.ToArray()) }).ShouldBeFalse();

        var wide = Rules($"    selection:\n        CommandLine|wide|base64offset|contains: 'IEX'\n    condition: selection");
        Matches(wide, new() { ["CommandLine"] = "powershell -enc " + Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("IEX (New-Object Net.WebClient)")) }).ShouldBeTrue();

        var exact = Rules("    selection:\n        CommandLine|base64: 'whoami'\n    condition: selection");
        Matches(exact, new() { ["CommandLine"] = Convert.ToBase64String("whoami"u8.ToArray()) }).ShouldBeTrue();
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.20.30.40", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("172.16.0.0/12", "172.31.255.255", true)]
    [InlineData("172.16.0.0/12", "172.32.0.1", false)]
    [InlineData("fe80::/10", "fe80::1c2:3ff:fe4d:5", true)]
    [InlineData("fc00::/7", "fd12:3456::1", true)]
    [InlineData("fc00::/7", "2001:db8::1", false)]
    [InlineData("2603:1006::/40", "2603:1006:00ff::1", true)]
    [InlineData("10.0.0.0/8", "2001:db8::1", false)]
    public void Cidr_is_tested_on_address_bits(string network, string address, bool expected)
    {
        var rules = Rules($"    selection:\n        DestinationIp|cidr: '{network}'\n    condition: selection", "network_connection");
        var source = address.Contains(':') ? SigmaEvents.SysmonNetwork : SigmaEvents.DefenderNetwork;
        Matches(rules, new() { ["DestinationIp"] = address }, source).ShouldBe(expected);
    }

    [Fact]
    public void Numbers_booleans_and_comparisons()
    {
        var quoted = Rules("    selection:\n        Initiated: 'true'\n        DestinationPort: 443\n    condition: selection", "network_connection");
        var bare = Rules("    selection:\n        Initiated: true\n        DestinationPort: '443'\n    condition: selection", "network_connection");
        Matches(quoted, new(), SigmaEvents.SysmonNetwork).ShouldBeTrue();
        Matches(bare, new(), SigmaEvents.DefenderNetwork).ShouldBeTrue();
        Matches(bare, new() { ["Initiated"] = "false" }, SigmaEvents.DefenderNetwork).ShouldBeFalse();

        var range = Rules("    selection:\n        DestinationPort|gte: 1024\n        DestinationPort|lt: 5000\n    condition: selection", "network_connection");
        Matches(range, new() { ["DestinationPort"] = "4444" }, SigmaEvents.SysmonNetwork).ShouldBeTrue();
        Matches(range, new() { ["DestinationPort"] = "5000" }, SigmaEvents.SysmonNetwork).ShouldBeFalse();
    }

    [Fact]
    public void Null_empty_exists_neq_and_fieldref()
    {
        var missing = Rules("    selection:\n        Image|endswith: '\\calc.exe'\n    nocli:\n        CommandLine: null\n    condition: selection and nocli", "network_connection");
        Matches(missing, new() { ["Image"] = @"C:\Windows\System32\calc.exe" }, SigmaEvents.SysmonNetwork).ShouldBeTrue(); // Sysmon 3 has no command line
        Matches(missing, new() { ["Image"] = @"C:\Windows\System32\calc.exe" }, SigmaEvents.DefenderNetwork).ShouldBeFalse();

        var exists = Rules("    selection:\n        CommandLine|exists: true\n    condition: selection", "network_connection");
        Matches(exists, new(), SigmaEvents.DefenderNetwork).ShouldBeTrue();
        Matches(exists, new(), SigmaEvents.SysmonNetwork).ShouldBeFalse();

        var neq = Rules("    selection:\n        User|neq: 'CORP\\alice'\n    condition: selection");
        Matches(neq, new() { ["User"] = @"CORP\bob" }).ShouldBeTrue();
        Matches(neq, new() { ["User"] = @"corp\ALICE" }).ShouldBeFalse();

        var same = Rules("    selection:\n        User|fieldref: ParentUser\n    condition: selection");
        Matches(same, new() { ["User"] = @"CORP\bob", ["ParentUser"] = @"CORP\bob" }).ShouldBeTrue();
        Matches(same, new() { ["User"] = @"CORP\bob", ["ParentUser"] = @"CORP\alice" }).ShouldBeFalse();
    }

    [Fact]
    public void Conditions_follow_the_specification_s_precedence()
    {
        const string Selections = "    a:\n        CommandLine|contains: 'alpha'\n    b:\n        CommandLine|contains: 'beta'\n    c:\n        CommandLine|contains: 'gamma'\n";
        var precedence = Rules(Selections + "    condition: a or b and not c"); // a or (b and (not c))
        Matches(precedence, new() { ["CommandLine"] = "alpha gamma" }).ShouldBeTrue();
        Matches(precedence, new() { ["CommandLine"] = "beta gamma" }).ShouldBeFalse();
        Matches(precedence, new() { ["CommandLine"] = "beta" }).ShouldBeTrue();

        var grouped = Rules(Selections + "    condition: (a or b) and not c");
        Matches(grouped, new() { ["CommandLine"] = "alpha gamma" }).ShouldBeFalse();

        var allOf = Rules(Selections + "    condition: all of them");
        Matches(allOf, new() { ["CommandLine"] = "alpha beta gamma" }).ShouldBeTrue();
        Matches(allOf, new() { ["CommandLine"] = "alpha beta" }).ShouldBeFalse();

        var oneOf = Rules("    sel_a:\n        CommandLine|contains: 'alpha'\n    sel_b:\n        CommandLine|contains: 'beta'\n    filter:\n        CommandLine|contains: 'gamma'\n    condition: 1 of sel_* and not filter");
        Matches(oneOf, new() { ["CommandLine"] = "beta" }).ShouldBeTrue();
        Matches(oneOf, new() { ["CommandLine"] = "beta gamma" }).ShouldBeFalse();

        var list = Rules(Selections + "    condition:\n        - a\n        - c");
        Matches(list, new() { ["CommandLine"] = "gamma" }).ShouldBeTrue();
    }

    [Fact]
    public void Keywords_and_lists_of_maps()
    {
        var keywords = Rules("    keywords:\n        - 'mimikatz'\n        - 'sekurlsa'\n    condition: keywords");
        Matches(keywords, new() { ["CommandLine"] = "run sekurlsa::logonpasswords" }).ShouldBeTrue();
        Matches(keywords, new() { ["CommandLine"] = "notepad.exe" }).ShouldBeFalse();

        var maps = Rules("    selection:\n        - Image|endswith: '\\a.exe'\n        - OriginalFileName: 'b.exe'\n    condition: selection");
        Matches(maps, new() { ["Image"] = @"C:\x\a.exe" }).ShouldBeTrue();
        Matches(maps, new() { ["OriginalFileName"] = "B.EXE" }).ShouldBeTrue();
        Matches(maps, new() { ["Image"] = @"C:\x\c.exe" }).ShouldBeFalse();
    }

    [Fact]
    public void A_hostile_regular_expression_does_not_hang()
    {
        var rules = Rules("    selection:\n        CommandLine|re: '^(a+)+$'\n    condition: selection");
        Matches(rules, new() { ["CommandLine"] = new string('a', 5000) + "!" }).ShouldBeFalse();

        var backreference = Rules("    selection:\n        CommandLine|re: '^(a+)+\\1$'\n    condition: selection");
        Matches(backreference, new() { ["CommandLine"] = new string('a', 40) + "!" }).ShouldBeFalse(); // backtracking engine, with a timeout
    }

    [Fact]
    public void Rules_that_cannot_run_say_why_and_are_counted()
    {
        File.WriteAllText(Path.Combine(_folder, "bad-yaml.yml"), "title: [unclosed\ndetection: {\n");
        File.WriteAllText(Path.Combine(_folder, "modifier.yml"), "title: Modifier\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Image|sounds_like: 'cmd'\n    condition: sel\n");
        File.WriteAllText(Path.Combine(_folder, "field.yml"), "title: Field\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Frobnicator: 'x'\n    condition: sel\n");
        File.WriteAllText(Path.Combine(_folder, "category.yml"), "title: Category\nlogsource: {category: registry_set, product: windows}\ndetection:\n    sel:\n        TargetObject: 'x'\n    condition: sel\n");
        File.WriteAllText(Path.Combine(_folder, "condition.yml"), "title: Condition\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Image: 'x'\n    condition: sel and not filter\n");
        File.WriteAllText(Path.Combine(_folder, "syntax.yml"), "title: Syntax\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Image: 'x'\n    condition: sel and (\n");
        File.WriteAllText(Path.Combine(_folder, "regex.yml"), "title: Regex\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Image|re: '(unclosed'\n    condition: sel\n");
        File.WriteAllText(Path.Combine(_folder, "good.yml"), "title: Good\nlogsource: {category: process_creation}\ndetection:\n    sel:\n        Image: 'x'\n    condition: sel\n---\ntitle: Second document\nlogsource: {category: network_connection}\ndetection:\n    sel:\n        DestinationPort: 1\n    condition: sel\n");

        var rules = Sigma.Load(_folder);

        rules.RulesRead.ShouldBe(9);
        rules.Rules.Select(r => r.Rule.Title).Order().ShouldBe(["Good", "Second document"]);
        string Reason(string file) => rules.Problems.Single(p => p.Origin.Contains(file, StringComparison.Ordinal)).Reason;
        Reason("bad-yaml.yml").ShouldStartWith("bad YAML");
        Reason("modifier.yml").ShouldContain("unknown modifier 'sounds_like'");
        Reason("field.yml").ShouldContain("field 'Frobnicator' is not mapped for process_creation");
        Reason("category.yml").ShouldContain("registry_set");
        Reason("condition.yml").ShouldContain("'filter'");
        Reason("syntax.yml").ShouldContain("condition");
        Reason("regex.yml").ShouldContain("bad regular expression");
    }

    [Fact]
    public void A_rule_that_needs_a_field_a_source_never_has_says_so_for_that_source()
    {
        var rule = Sigma.Rule("net_connection_win_domain_ngrok.yml");

        rule.CannotMatch.Keys.ShouldContain("sentinelone.dv.network");
        rule.CannotMatch["sentinelone.dv.network"].ShouldContain("DestinationHostname (dst_host_name)");
        rule.CannotMatch.Keys.ShouldNotContain("sysmon.network");
        rule.CannotMatch.Keys.ShouldNotContain("mde.network");
    }
}
