using System.Text;
using System.Text.Json;
using Rosetta.Sources;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Pipeline;

/// <summary>The sources added by dictionary alone, on the real samples in ../shared and on their other export forms.</summary>
public class SourceCorpusTests
{
    public static TheoryData<string> RegressionEvents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Paths.SigmaRegression, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Paths.SigmaRegression, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegressionEvents))]
    public void SigmaHQs_Sysmon_regression_events_normalize_without_loss(string name)
    {
        var path = Path.Combine(Paths.SigmaRegression, name);
        var result = Engine.Run(path);

        result.Dead.ShouldBeEmpty(result.DeadLetters);
        var record = result.Records.ShouldHaveSingleItem();
        record.GetProperty("rosetta").GetProperty("source").GetString().ShouldBe("sysmon.process");
        record.GetProperty("rosetta").TryGetProperty("diagnostics", out var diagnostics).ShouldBeFalse(diagnostics.ToString());

        // Every EventData member is either a standard value now or still under vendor: nothing is dropped.
        var data = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("Event").GetProperty("EventData");
        var kept = record.TryGetProperty("vendor", out var vendor) && vendor.TryGetProperty("Event", out var e) && e.TryGetProperty("EventData", out var d)
            ? d.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        var mapped = Engine.Default.Plans.Single(p => p.SourceId == "sysmon.process").Fields
            .SelectMany(f => f.Paths).Select(p => p.Replace("Event.EventData.", "")).ToHashSet();
        foreach (var member in data.EnumerateObject().Where(m => m.Value.ToString() != "-"))
        {
            (kept.Contains(member.Name) || mapped.Contains(member.Name)).ShouldBeTrue($"{member.Name} is neither mapped nor kept");
        }

        var image = data.GetProperty("Image").GetString()!;
        record.GetProperty("process_path").GetString().ShouldBe(image);
        record.GetProperty("process_name").GetString().ShouldBe(image[(image.LastIndexOf('\\') + 1)..]);
        record.GetProperty("process_command_line").GetString().ShouldBe(data.GetProperty("CommandLine").GetString());
        record.GetProperty("process_parent_path").GetString().ShouldBe(data.GetProperty("ParentImage").GetString());
        var hashes = data.GetProperty("Hashes").GetString()!;
        var sha256 = hashes.Split(',').Single(h => h.StartsWith("SHA256=", StringComparison.Ordinal))[7..];
        record.GetProperty("hash_sha256").GetString().ShouldBe(sha256.ToLowerInvariant());
    }

    [Fact]
    public void A_Sysmon_event_as_XML_and_as_evtx_dump_JSON_gives_the_same_standard_values()
    {
        var evtx = Directory.EnumerateFiles(Paths.SigmaRegression, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var json = Engine.Run(evtx).Records.Single();
        var xml = Engine.RunText(ToEventXml(JsonDocument.Parse(File.ReadAllText(evtx)).RootElement.GetProperty("Event")), ".xml").Records.Single();

        Standard(xml).ShouldBe(Standard(json));
    }

    [Fact]
    public void The_Zeek_corpus_normalizes_every_connection()
    {
        var result = Engine.Run(Paths.ZeekConn);

        result.Summary.EventsIn.ShouldBe(1250);
        result.Records.Count.ShouldBe(1250);
        result.Records.ShouldAllBe(r => r.GetProperty("rosetta").GetProperty("source").GetString() == "zeek.conn");
        result.Records.Count(r => r.TryGetProperty("network_community_id", out var id) && id.GetString()!.StartsWith("1:")).ShouldBe(1250);
        result.Records.Select(r => r.GetProperty("network_direction").GetString()).Distinct().ShouldAllBe(d => d != "unknown");
        result.Output.ShouldNotContain("diagnostics");
    }

    [Fact]
    public void Zeek_TSV_and_Zeek_JSON_give_the_same_standard_values()
    {
        var json = Engine.Run(Paths.ZeekConn).Records.Take(40).ToList();
        var tsv = Engine.Run(Path.Combine(Paths.Samples, "zeek", "conn.log")).Records;

        // TSV writes times and durations with six decimals, JSON as the float it holds: the same instants, other digits.
        string[] inexact = ["event_date_creation", "event_duration"];
        tsv.Select(r => Standard(r, inexact)).ShouldBe(json.Select(r => Standard(r, inexact)));
        for (var i = 0; i < json.Count; i++)
        {
            DateTimeOffset.Parse(tsv[i].GetProperty("event_date_creation").GetString()!)
                .ShouldBe(DateTimeOffset.Parse(json[i].GetProperty("event_date_creation").GetString()!), TimeSpan.FromMicroseconds(1));
            if (json[i].TryGetProperty("event_duration", out var duration))
            {
                tsv[i].GetProperty("event_duration").GetDouble().ShouldBe(duration.GetDouble(), 1e-6);
            }
        }
    }

    [Fact]
    public void The_Cloud_Funnel_corpus_event_normalizes()
    {
        var record = Engine.Run(Paths.CloudFunnelCorpus).Records.ShouldHaveSingleItem();

        record.GetProperty("rosetta").GetProperty("source").GetString().ShouldBe("sentinelone.cf.network");
        record.GetProperty("src_port").GetInt32().ShouldBe(56473);
        record.GetProperty("dst_port").GetInt32().ShouldBe(443);
        record.GetProperty("event_date_creation").GetString().ShouldBe("2022-10-03T15:32:29.466Z");
        record.GetProperty("process_id").GetInt32().ShouldBe(12952);
        record.GetProperty("hash_sha256").GetString().ShouldBe("03155d327c65a8768c571018132e17336fa38349eb0c96e9cbbf5ea905ed750e");
        record.GetProperty("network_protocol").GetString().ShouldBe("tcp");
        // The test data gives both ends one address: the engine calls that local, as for every source.
        record.GetProperty("network_direction").GetString().ShouldBe("local");
    }

    [Fact]
    public void UTF16_input_as_PowerShell_writes_it_is_read()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Samples, "windows-security", "security-5156.xml"));
        var path = Path.Combine(Path.GetTempPath(), $"rosetta-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, text, Encoding.Unicode);
        try
        {
            var result = Engine.Run([new InputSource(path, null)]);
            result.Records.Count.ShouldBe(2);
            result.Dead.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The standard values of a record (no vendor leftovers, no metadata).</summary>
    private static string Standard(JsonElement record) => Standard(record, []);

    private static string Standard(JsonElement record, string[] leaveOut) =>
        string.Join(",", record.EnumerateObject().Where(p => p.Name is not ("vendor" or "rosetta") && !leaveOut.Contains(p.Name))
            .Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    /// <summary>Writes an evtx_dump event back as Windows event XML.</summary>
    private static string ToEventXml(JsonElement evtx)
    {
        var xml = new StringBuilder("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>");
        foreach (var member in evtx.GetProperty("System").EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty("#attributes", out var attributes))
            {
                xml.Append('<').Append(member.Name);
                foreach (var attribute in attributes.EnumerateObject())
                {
                    xml.Append(' ').Append(attribute.Name).Append("=\"").Append(System.Security.SecurityElement.Escape(attribute.Value.ToString())).Append('"');
                }

                xml.Append(" />");
            }
            else
            {
                xml.Append('<').Append(member.Name).Append('>').Append(System.Security.SecurityElement.Escape(member.Value.ToString())).Append("</").Append(member.Name).Append('>');
            }
        }

        xml.Append("</System><EventData>");
        foreach (var member in evtx.GetProperty("EventData").EnumerateObject())
        {
            xml.Append("<Data Name=\"").Append(member.Name).Append("\">").Append(System.Security.SecurityElement.Escape(member.Value.ToString())).Append("</Data>");
        }

        return xml.Append("</EventData></Event>").ToString();
    }
}
