using System.Security.Cryptography;
using Rosetta.Storage;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Storage;

/// <summary>Hunts on a real store: read-only by construction, stoppable, and each saved hunt finds what its fixture implies.</summary>
public sealed class HuntTests : IDisposable
{
    private const long Minute = 60_000;
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("DELETE FROM events")]
    [InlineData("UPDATE events SET dst_port = 1")]
    [InlineData("INSERT INTO events (event_key, rosetta_source) VALUES (x'00', 'x')")]
    [InlineData("DROP TABLE events")]
    [InlineData("CREATE TABLE notes (x)")]
    [InlineData("CREATE TEMP TABLE notes (x)")]
    [InlineData("ATTACH DATABASE 'elsewhere.db' AS elsewhere")]
    [InlineData("PRAGMA journal_mode = DELETE")]
    [InlineData("PRAGMA query_only = OFF")]
    [InlineData("SELECT 1; DELETE FROM events")]
    public void A_statement_that_writes_is_refused_and_the_store_is_unchanged(string sql)
    {
        _store.Ingest(Paths.Samples);
        var before = SHA256.HashData(File.ReadAllBytes(_store.Path));

        var error = Should.Throw<StoreException>(() => _store.Run(sql));

        error.Message.ShouldContain("read-only");
        _store.Count().ShouldBe(136);
        SHA256.HashData(File.ReadAllBytes(_store.Path)).ShouldBe(before);
        File.Exists(Path.Combine(_store.Folder, "elsewhere.db")).ShouldBeFalse();
    }

    [Fact]
    public void Pragmas_that_read_still_run()
    {
        _store.Ingest(Paths.Samples);

        _store.Run("PRAGMA table_info(events)").Count.ShouldBeGreaterThan(90);
        _store.Run("SELECT name FROM pragma_index_list('events')").Count.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void A_running_query_is_stopped_by_its_token()
    {
        _store.Ingest(Paths.Samples);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Should.Throw<OperationCanceledException>(() =>
            _store.Run("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n", cancellation: cancellation.Token));
    }

    [Fact]
    public void Bad_sql_and_a_missing_value_say_what_is_wrong()
    {
        _store.Ingest(Paths.Samples);

        Should.Throw<StoreException>(() => _store.Run("SELEC dst_port FROM events")).Message.ShouldContain("syntax error");
        Should.Throw<StoreException>(() => _store.Run("SELECT no_such_name FROM events")).Message.ShouldContain("no such column: no_such_name");
        Should.Throw<StoreException>(() => _store.Run("SELECT * FROM events WHERE dst_port = :port")).Message.ShouldContain("--param");
        _store.Run("SELECT count(*) AS n FROM events WHERE dst_port = :port", new() { ["port"] = "443" })[0]["n"].ShouldBe(_store.Count("dst_port = 443"));
    }

    [Fact]
    public void Same_flow_two_vendors_joins_a_defender_connection_and_the_zeek_record_of_it()
    {
        var t = VendorEvents.Epoch;
        _store.IngestLines("defender.ndjson", [VendorEvents.Defender(t, @"c:\windows\system32\svchost.exe", "10.1.2.3", 50001, "93.184.216.34", 443, 1)]);
        _store.IngestLines("conn.log", [
            VendorEvents.Zeek(t - 4, "C1", "10.1.2.3", 50001, "93.184.216.34", 443),          // the same connection
            VendorEvents.Zeek(t + (120 * Minute), "C2", "10.1.2.3", 50001, "93.184.216.34", 443), // the port reused two hours later
            VendorEvents.Zeek(t, "C3", "10.1.2.3", 50002, "93.184.216.34", 443),              // another connection
        ]);

        var rows = _store.Hunt("same-flow-two-vendors");

        rows.Count.ShouldBe(1);
        rows[0]["source_a"].ShouldBe("mde.network");
        rows[0]["source_b"].ShouldBe("zeek.conn");
        rows[0]["src_port"].ShouldBe(50001L);
        rows[0]["process_name"].ShouldBe("svchost.exe");
        rows[0]["src_bytes"].ShouldNotBeNull(); // what the sensor adds
        _store.Hunt("same-flow-two-vendors", ("max_seconds", "86400")).Count.ShouldBe(2);
    }

    [Fact]
    public void Same_flow_two_vendors_on_the_bundled_samples_finds_the_gateway_s_five_connections()
    {
        _store.Ingest(Paths.Samples);

        var rows = _store.Hunt("same-flow-two-vendors");

        rows.Count.ShouldBe(5);
        rows.ShouldAllBe(r => (string)r["source_b"]! == "zeek.conn");
        rows.Select(r => (string)r["source_a"]!).Distinct().Order().ShouldBe(["mde.network", "sentinelone.dv.network"]);
    }

    [Fact]
    public void Beaconing_finds_the_regular_caller_and_not_the_irregular_or_the_rare_one()
    {
        var t = VendorEvents.Epoch;
        var jitter = new[] { 0, 400, -300, 250, -100, 500, -450, 150, 0, -200 };
        var irregular = new[] { 0, 5_000, 400_000, 410_000, 1_900_000, 1_905_000, 2_500_000, 4_000_000, 4_000_500, 7_200_000 };
        var lines = new List<string>();
        lines.AddRange(jitter.Select((j, i) => VendorEvents.SentinelOne(t + (i * Minute) + j, "implant.exe", "10.0.0.5", 50_000 + i, "203.0.113.9", 8443)));
        lines.AddRange(irregular.Select((o, i) => VendorEvents.SentinelOne(t + o, "chrome.exe", "10.0.0.6", 51_000 + i, "198.51.100.7", 443)));
        lines.AddRange(Enumerable.Range(0, 4).Select(i => VendorEvents.SentinelOne(t + (i * Minute), "rare.exe", "10.0.0.7", 52_000 + i, "192.0.2.1", 80)));
        _store.IngestLines("s1.ndjson", lines);

        var rows = _store.Hunt("beaconing");

        rows.Count.ShouldBe(1);
        rows[0]["dst_ip"].ShouldBe("203.0.113.9");
        rows[0]["process_name"].ShouldBe("implant.exe");
        rows[0]["connections"].ShouldBe(10L);
        ((double)rows[0]["mean_interval_s"]!).ShouldBe(60.0, 0.5);
        _store.Hunt("beaconing", ("min_connections", "3")).Count.ShouldBe(2); // the four calls to 192.0.2.1 are regular too
    }

    [Fact]
    public void Rare_destination_ports_lists_the_odd_port_of_a_busy_process_only()
    {
        var t = VendorEvents.Epoch;
        var lines = new List<string>();
        lines.AddRange(Enumerable.Range(0, 12).Select(i => VendorEvents.SentinelOne(t + (i * 1000), "updater.exe", "10.0.0.5", 50_000 + i, "198.51.100." + (i + 1), 443)));
        lines.Add(VendorEvents.SentinelOne(t + 20_000, "updater.exe", "10.0.0.5", 50_100, "198.51.100.99", 4444));
        lines.AddRange(Enumerable.Range(0, 3).Select(i => VendorEvents.SentinelOne(t + (i * 1000), "tiny.exe", "10.0.0.8", 53_000 + i, "198.51.100.50", 6666 + i)));
        _store.IngestLines("s1.ndjson", lines);

        var rows = _store.Hunt("rare-destination-ports");

        rows.Count.ShouldBe(1);
        rows[0]["process"].ShouldBe("updater.exe");
        rows[0]["dst_port"].ShouldBe(4444L);
        rows[0]["process_connections"].ShouldBe(13L);
    }

    [Fact]
    public void Public_nonstandard_ports_skips_private_addresses_and_standard_ports()
    {
        var t = VendorEvents.Epoch;
        _store.IngestLines("s1.ndjson", [
            VendorEvents.SentinelOne(t, "agent.exe", "10.0.0.5", 50_000, "8.8.8.8", 4444),
            VendorEvents.SentinelOne(t + 1, "agent.exe", "10.0.0.5", 50_001, "10.9.9.9", 4444),
            VendorEvents.SentinelOne(t + 2, "agent.exe", "10.0.0.5", 50_002, "8.8.4.4", 443),
            VendorEvents.SentinelOne(t + 3, "agent.exe", "10.0.0.5", 4444, "8.8.8.8", 50_003, direction: "INCOMING"),
        ]);

        var rows = _store.Hunt("public-nonstandard-ports");

        rows.Count.ShouldBe(1);
        rows[0]["dst_ip"].ShouldBe("8.8.8.8");
        rows[0]["dst_port"].ShouldBe(4444L);
        _store.Hunt("public-nonstandard-ports", ("standard_ports", "443,4444")).Count.ShouldBe(0);
    }

    [Fact]
    public void Unsigned_or_user_writable_finds_both_kinds_across_two_vendors()
    {
        var t = VendorEvents.Epoch;
        _store.IngestLines("defender.ndjson", [
            VendorEvents.Defender(t, @"c:\users\bob\appdata\local\temp\dropper.exe", "10.1.2.3", 50001, "93.184.216.34", 443, 1),
            VendorEvents.Defender(t + 1, @"c:\program files\app\app.exe", "10.1.2.3", 50002, "93.184.216.34", 443, 2),
        ]);
        _store.IngestLines("cloud-funnel.ndjson", [
            VendorEvents.CloudFunnel(t + 2, "tool.exe", "unsigned", "198.51.100.7", 8080),
            VendorEvents.CloudFunnel(t + 3, "chrome.exe", "signed", "198.51.100.8", 443),
        ]);

        var rows = _store.Hunt("unsigned-or-user-writable-outbound").ToDictionary(r => (string)r["process"]!, r => (string)r["why"]!);

        rows.ShouldBe(new Dictionary<string, string>
        {
            [@"c:\users\bob\appdata\local\temp\dropper.exe"] = "user-writable path",
            ["tool.exe"] = "unsigned",
        }, ignoreOrder: true);
    }
}
