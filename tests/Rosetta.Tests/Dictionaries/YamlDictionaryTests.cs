using Rosetta.Dictionaries.Yaml;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Dictionaries;

public class YamlDictionaryTests
{
    [Fact]
    public void The_older_generation_of_keys_reads_like_the_newer()
    {
        const string older = "title: Network connection\nplatform: windows\nlog_source: sysmon\nevent_code: '3'\nevent_fields:\n- standard_name: dst_ip\n  name: DestinationIp\n  type: ip\n  description: d\n  sample_value: 1.2.3.4\nevent_sample: '{\"DestinationIp\": \"1.2.3.4\"}'\n";
        const string newer = "name: Network connection\nplatform: windows\nlog_source: sysmon\nevent_id: '3'\nevent_fields:\n- standard_name: dst_ip\n  name: DestinationIp\n  type: ip\n  description: d\n  sample_value: 1.2.3.4\nevent_sample: '{\"DestinationIp\": \"1.2.3.4\"}'\n";

        var a = YamlDictionaryReader.Read("a.yml", older)!;
        var b = YamlDictionaryReader.Read("b.yml", newer)!;

        (a.Title, a.EventName, a.LogSource).ShouldBe(("Network connection", "sysmon 3", "sysmon"));
        (b.Title, b.EventName).ShouldBe((a.Title, a.EventName));
        a.Fields.ShouldBe(b.Fields);
        a.Samples.ShouldHaveSingleItem().IsJson.ShouldBeTrue();
        a.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_readme_index_is_not_a_dictionary() =>
        YamlDictionaryReader.Read("/x/README.yml", "name: Sysmon\ndescription: d\n").ShouldBeNull();
}
