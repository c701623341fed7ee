using Shouldly;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Tests.Detection;

/// <summary>
/// SigmaHQ's own regression events (Sysmon event 1, evtx_dump JSON), normalized through the Sysmon dictionary, give
/// each rule exactly the match count its info.yml states, and match no other rule.
/// </summary>
public class SigmaRegressionTests
{
    public static TheoryData<string> Folders => [.. Directory.EnumerateFiles(Paths.SigmaRegression, "info.yml", SearchOption.AllDirectories)
        .Select(f => Path.GetDirectoryName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_rule_matches_its_regression_events_exactly_as_often_as_info_yml_says(string folder)
    {
        var info = new YamlStream();
        info.Load(File.OpenText(Path.Combine(folder, "info.yml")));
        var root = (YamlMappingNode)info.Documents[0].RootNode;
        var ruleId = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)root["rule_metadata"]).Children[0])["id"]).Value!;
        var expected = int.Parse(((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)root["regression_tests_info"]).Children[0])["match_count"]).Value!);

        var matches = Directory.EnumerateFiles(folder, "*.json")
            .SelectMany(file => Sigma.Detect(File.ReadAllText(file), ".json"))
            .ToList();

        matches.ShouldAllBe(m => m.Source == "sysmon.process");
        matches.Sum(m => m.Rules.Count(r => r == ruleId)).ShouldBe(expected);
        matches.SelectMany(m => m.Rules).ShouldAllBe(r => r == ruleId);
    }
}
