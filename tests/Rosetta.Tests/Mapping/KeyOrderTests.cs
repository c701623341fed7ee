using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Rosetta.Mapping;
using Rosetta.Tests.Json;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping;

/// <summary>
/// The scan that expects each name where the last record had it must fill exactly the slots, and fail on exactly
/// the records, of a scan that remembers nothing: whatever order, shape or damage the next record has.
/// </summary>
public class KeyOrderTests
{
    private static readonly CompiledSources Sources = CompiledSources.Build(Engine.Default.Plans);

    [Fact]
    public void Names_out_of_their_remembered_places_fill_the_same_slots()
    {
        string[] records =
        [
            """{"RemoteIP": "10.0.0.1", "RemotePort": 443, "LocalIP": null, "ActionType": "ConnectionSuccess"}""",
            """{"RemoteIP": "10.0.0.1", "RemotePort": 443, "LocalIP": null, "ActionType": "ConnectionSuccess"}""",
            // the null now has a value, two names swap places, one is a longer name starting with the expected one
            """{"RemotePort": 80, "RemoteIP": "10.0.0.2", "LocalIP": "10.0.0.3", "ActionTypeX": "x", "ActionType": "ConnectionFailed"}""",
            // the expected name escaped, then a key no dictionary reads, then the expected one cut short
            """{"\u0052emotePort": 81, "Other": {"RemoteIP": "1.1.1.1"}, "LocalIP": "10.0.0.4", "ActionTyp": 1}""",
            """{"RemotePort": 82, "RemoteIP" : "10.0.0.5","LocalIP":"10.0.0.6"}""",
            // an S1 Deep Visibility record: nested objects have places of their own
            """{"tcpv4": {"direction": "OUTGOING", "destinationAddress": {"port": 443, "address": "1.2.3.4"}, "sourceAddress": {"port": 5, "address": "10.0.0.1"}}, "timestamp": {"millisecondsSinceEpoch": 1}}""",
            """{"tcpv4": {"destinationAddress": {"address": "1.2.3.5", "port": 444}, "direction": "INCOMING", "sourceAddress": null}, "timestamp": {"millisecondsSinceEpoch": 2}}""",
            // malformed where a remembered name stood
            """{"tcpv4": {"destinationAddress" {"address": "1.2.3.5"}}}""",
            """{"tcpv4": {"destinationAddress""",
            """{"tcpv4": {"destinationAddress": {"address": "1.2.3.6", "port": 445}, "direction": "INCOMING"}}""",
            // runs of nulls: passed whole when written alike, read one by one when one of them has a value
            """{"http": null, "dns": null, "login": null, "tcpv4": {"direction": "OUTGOING"}, "a": null, "b": null, "c": null}""",
            """{"http": null, "dns": null, "login": null, "tcpv4": {"direction": "INCOMING"}, "a": null, "b": null, "c": null}""",
            """{"http": null, "dns": {"x": 1}, "login": null, "tcpv4": {"direction": "OUTGOING"}, "a": null, "b": null, "c": 1}""",
            """{"http": null, "dns": null, "login": null,   "tcpv4": {"direction": "INCOMING"}, "a": null, "b": null}""",
            """{"http": null, "dns": null, "login": null, "tcpv4": null, "a": null, "b": null, "c": null}""",
            """{"http": null, "dns": null, "login": null, }""",
            """{"http": null, "dns": null, "login": null, "tcpv4": null, "a": null, "b": null, "c": null}""",
            """{"http": null, "dns": null, "login": null, "tcpv4": null, "a": null, "b": null, "c": null, }""",
            """{"http": null, "dns": null, "login": null, "tcpv4": null, "a": null, "b": null, "c": null, "d": null}""",
            """{"http": null, "dns": null, "login": null, "tcpv4": null, "a": null, "b": null, "c": null, "d": nul}""",
            """{"http": null, "dns": null, "login": null, "tcpv4": {"direction": "OUTGOING"}, "a": null, "b": null, "c": null}""",
        ];

        ScanBothWays(records.Select(Encoding.UTF8.GetBytes)).ShouldBeEmpty();
    }

    [Fact]
    public void Objects_with_more_members_than_are_remembered_fill_the_same_slots()
    {
        var members = Enumerable.Range(0, KeyOrder.MaxPlaces + 50).Select(i => i % 3 == 0 ? $"\"k{i}\": null" : $"\"k{i}\": {i}");
        var wide = "{" + string.Join(", ", members) + ", \"RemoteIP\": \"10.0.0.1\", \"RemotePort\": 443}";

        ScanBothWays([Encoding.UTF8.GetBytes(wide), Encoding.UTF8.GetBytes(wide), Encoding.UTF8.GetBytes(wide.Replace("443", "80", StringComparison.Ordinal))]).ShouldBeEmpty();
    }

    [Fact]
    public void Mutated_vendor_lines_fill_the_same_slots_and_fail_alike()
    {
        var lines = VendorLines().ToList();
        var random = new Random(8);
        byte[] meaningful = [.. "{}[]\":,\\ -.0123456789eEtrufalsn\t\n"u8, 0, 0x1F, (byte)'x'];
        var records = new List<byte[]>();
        for (var i = 0; i < 20_000; i++)
        {
            var line = lines[random.Next(lines.Count)];
            records.Add(random.Next(2) == 0 ? line : JsonCursorTests.Mutate(line, random, meaningful));
        }

        ScanBothWays(records).ShouldBeEmpty();
    }

    /// <summary>Scans the records in turn with one <see cref="KeyOrder"/>, and each alone without, both keeping a tape; the records where the two differ.</summary>
    private static List<string> ScanBothWays(IEnumerable<byte[]> records)
    {
        var order = new KeyOrder(Sources.NodeCount);
        var remembering = new SlotTable(Sources.SlotCount);
        var plain = new SlotTable(Sources.SlotCount);
        var rememberingTape = new MemberTape();
        var plainTape = new MemberTape();
        var differences = new List<string>();
        foreach (var record in records)
        {
            remembering.Reset();
            plain.Reset();
            var withOrder = Outcome(() => JsonSlotScanner.Scan(record, Sources.Root, remembering, order, rememberingTape), remembering, rememberingTape);
            var without = Outcome(() => JsonSlotScanner.Scan(record, Sources.Root, plain, null, plainTape), plain, plainTape);
            if (withOrder != without)
            {
                differences.Add($"{Encoding.UTF8.GetString(record)}\n  with the order: {withOrder}\n  without: {without}");
            }
        }

        return differences;
    }

    /// <summary>The error of the scan, or every slot it filled and every member it put on the tape (objects below the trie included).</summary>
    private static string Outcome(Action scan, SlotTable slots, MemberTape tape)
    {
        try
        {
            scan();
        }
        catch (JsonException e)
        {
            return "error: " + e.Message;
        }

        var filled = new StringBuilder();
        for (var slot = 0; slot < slots.Count; slot++)
        {
            if (slots.Kind(slot) != SlotKind.Missing)
            {
                filled.Append($"{slot}={slots.Kind(slot)}@{slots.Start(slot)}+{slots.Length(slot)}{(slots.Escaped(slot) ? "e" : "")} ");
            }
        }

        for (var i = 0; i < tape.Count; i++)
        {
            filled.Append($"[{tape[i]}] ");
        }

        return filled.ToString();
    }

    private static IEnumerable<byte[]> VendorLines()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Paths.Samples, "sentinelone", "deep-visibility-export.ndjson.gz")), CompressionMode.Decompress);
        using var deepVisibility = new StreamReader(gzip);
        var lines = new List<string>();
        while (deepVisibility.ReadLine() is { } line && lines.Count < 30)
        {
            lines.Add(line);
        }

        return lines
            .Concat(File.ReadLines(Paths.DefenderCorpus).Take(30))
            .Concat(File.ReadLines(Paths.CloudFunnelCorpus).Take(30))
            .Concat(File.ReadLines(Path.Combine(Paths.Samples, "defender", "streaming-api.ndjson")))
            .Where(line => line.Length > 0)
            .Select(Encoding.UTF8.GetBytes);
    }
}
