using System.Text.RegularExpressions;
using Rosetta.Tests.Cli;
using Rosetta.Tests.Storage;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.ClickHouse;

/// <summary>
/// The ClickHouse store against the real local cluster, through the real rosetta executable: what SQLite stores,
/// ClickHouse stores; both shards get rows; the saved hunts give the same rows on both stores; a shard killed mid-run
/// costs nothing and duplicates nothing; hunts cannot write.
/// </summary>
[Collection("clickhouse")]
public sealed partial class ClickHouseStoreTests(ClickHouseCluster cluster) : IDisposable
{
    private static readonly string[] SavedHunts =
        ["rare-destination-ports", "public-nonstandard-ports", "unsigned-or-user-writable-outbound", "beaconing", "same-flow-two-vendors"];

    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-ch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_samples_go_to_both_shards_and_every_saved_hunt_returns_what_sqlite_returns()
    {
        var database = ClickHouseCluster.NewDatabase("samples");
        var store = ClickHouseCluster.Store(database);
        var (exit, _, error) = Rosetta($"normalize \"{Paths.Samples}\" --store \"{store}\"");
        exit.ShouldBe(0, error);
        error.ShouldContain("stored                 136");
        error.ShouldContain("already stored           3");
        Rosetta($"normalize \"{Paths.Samples}\" --store sqlite.db").Exit.ShouldBe(0);

        // Both shards hold rows, and together what went in (an event of two files stored once).
        var first = cluster.Scalar($"SELECT count() FROM {database}.events_local", node: 1);
        var second = cluster.Scalar($"SELECT count() FROM {database}.events_local", node: 2);
        first.ShouldBeGreaterThan(0);
        second.ShouldBeGreaterThan(0);
        (first + second).ShouldBe(136);
        cluster.Scalar($"SELECT count() FROM {database}.events").ShouldBe(136);
        cluster.Scalar($"SELECT uniqExact(event_key) FROM {database}.events").ShouldBe(136);

        // A flow's reports share a shard (sharded by Community ID), so joins on it and folding by key stay local.
        cluster.Scalar($"SELECT count() FROM {database}.events_local WHERE network_community_id IN (SELECT network_community_id FROM remote('127.0.0.1:19224', {database}.events_local))")
            .ShouldBe(0);

        foreach (var hunt in SavedHunts)
        {
            var onClickHouse = Rosetta($"hunt --store \"{store}\" --saved {hunt} --format csv");
            var onSqlite = Rosetta($"hunt --store sqlite.db --saved {hunt} --format csv");
            onClickHouse.Exit.ShouldBe(0, onClickHouse.Err);
            onSqlite.Exit.ShouldBe(0, onSqlite.Err);
            ToMilliseconds(onClickHouse.Out).ShouldBe(ToMilliseconds(onSqlite.Out), $"hunt {hunt}");
        }

        Rosetta($"hunt --store \"{store}\" --saved same-flow-two-vendors --format csv").Out.Trim().Split('\n').Length.ShouldBe(1 + 5);

        var info = Rosetta($"store info --store \"{store}\" --format json");
        info.Exit.ShouldBe(0, info.Err);
        var sources = System.Text.Json.Nodes.JsonNode.Parse(info.Out)!["sources"]!.AsArray();
        sources.Single(s => (string?)s!["source"] == "zeek.conn")!["events"]!.GetValue<long>().ShouldBe(45);
    }

    [Fact]
    public void Running_the_same_input_again_stores_nothing_new()
    {
        var store = ClickHouseCluster.Store(ClickHouseCluster.NewDatabase("again"));
        Rosetta($"normalize \"{Paths.Samples}\" --store \"{store}\"").Exit.ShouldBe(0);
        var (exit, _, error) = Rosetta($"normalize \"{Paths.Samples}\" --store \"{store}\"");
        exit.ShouldBe(0, error);
        error.ShouldContain("stored                   0");
        error.ShouldContain("already stored         139");
        var count = Rosetta($"hunt --store \"{store}\" \"SELECT count() AS n FROM events FINAL\" --format csv");
        count.Out.ShouldContain("\n136");
    }

    [Fact]
    public async Task A_shard_killed_mid_ingest_and_restarted_leaves_every_event_stored_exactly_once()
    {
        const int Events = 60_000;
        var database = ClickHouseCluster.NewDatabase("kill");
        var input = WriteEvents("kill.ndjson", Events);
        using var run = RosettaExe.Start($"normalize \"{input}\" --store \"{ClickHouseCluster.Store(database, "cluster=rosetta&batch_rows=2000")}\"", _folder);
        run.StandardInput.Close();
        var error = run.StandardError.ReadToEndAsync();

        // Once the first batches are in, node 2 dies; it comes back two seconds later.
        WaitFor(() => Count(database) > 0 || run.HasExited);
        run.HasExited.ShouldBeFalse("the run ended before node 2 could be killed");
        try
        {
            cluster.Kill(2);
            Thread.Sleep(2000);
        }
        finally
        {
            cluster.Restart();
        }

        run.WaitForExit(300_000).ShouldBeTrue();
        var said = await error;
        run.ExitCode.ShouldBe(0, said);
        said.ShouldContain("try 2 of 10"); // it did fail and retry
        cluster.Scalar($"SELECT count() FROM {database}.events").ShouldBe(Events);
        cluster.Scalar($"SELECT uniqExact(event_key) FROM {database}.events").ShouldBe(Events);
        cluster.Scalar($"SELECT count() FROM {database}.events_local", node: 2).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_run_that_cannot_finish_says_how_far_it_got_and_running_it_again_completes_it()
    {
        const int Events = 12_000;
        var database = ClickHouseCluster.NewDatabase("stop");
        var input = WriteEvents("stop.ndjson", Events);
        var store = ClickHouseCluster.Store(database, "cluster=rosetta&batch_rows=2000&retries=2");
        Rosetta($"normalize \"{Paths.Samples}\" --store \"{store}\"").Exit.ShouldBe(0); // tables made while both nodes run

        try
        {
            using var run = RosettaExe.Start($"normalize - --store \"{store}\"", _folder);
            var error = run.StandardError.ReadToEndAsync();
            var lines = File.ReadAllLines(input);
            run.StandardInput.Write(string.Join('\n', lines.Take(4000)) + "\n");
            run.StandardInput.Flush();
            WaitFor(() => Count(database) >= 136 + 2000 || run.HasExited); // the first batch is in
            run.HasExited.ShouldBeFalse();
            cluster.Kill(2);
            try
            {
                run.StandardInput.Write(string.Join('\n', lines.Skip(4000)) + "\n");
                run.StandardInput.Close();
            }
            catch (IOException)
            {
                // The run gave up before it had read everything: what this test expects.
            }

            run.WaitForExit(120_000).ShouldBeTrue();
            run.ExitCode.ShouldBe(2);
            (await error).ShouldMatch(@"batch \d+ \(records [\d,]+ to [\d,]+ of this run\) could not be stored: .*records 1 to [\d,]+ of run \d+ are stored; running the same input again stores the rest once");
        }
        finally
        {
            cluster.Restart();
        }

        var (exit, _, again) = Rosetta($"normalize \"{input}\" --store \"{store}\"");
        exit.ShouldBe(0, again);
        Rosetta($"hunt --store \"{store}\" \"SELECT count() AS n, uniqExact(event_key) AS k FROM events FINAL\" --format csv").Out
            .ShouldContain($"\n{136 + Events},{136 + Events}");
    }

    [Fact]
    public void Hunts_cannot_change_the_store()
    {
        var database = ClickHouseCluster.NewDatabase("ro");
        var store = ClickHouseCluster.Store(database);
        Rosetta($"normalize \"{Paths.Samples}\" --store \"{store}\"").Exit.ShouldBe(0);
        foreach (var write in new[] { "INSERT INTO events (event_key, rosetta_source, vendor) VALUES ('x', 'y', '{}')", "DROP TABLE events", "ALTER TABLE events_local DELETE WHERE 1 = 1", "CREATE TABLE x (a UInt8) ENGINE = Memory" })
        {
            var refused = Rosetta($"hunt --store \"{store}\" \"{write}\"");
            refused.Exit.ShouldBe(2, write);
            refused.Err.ShouldContain("read-only", Case.Insensitive, write);
        }

        cluster.Scalar($"SELECT count() FROM {database}.events").ShouldBe(136);
        var missing = Rosetta($"hunt --store \"{store}\" --saved beaconing --param min_connections=");
        Rosetta($"hunt --store \"{store}\" \"SELECT :nothing\"").Err.ShouldContain("--param nothing=VALUE");
        missing.Exit.ShouldBe(2);
        Rosetta($"hunt --store \"{store}\" \"SELEC 1\"").Err.ShouldContain("Syntax error");
        Rosetta($"store info --store \"{ClickHouseCluster.Store("nothing_here")}\"").Err.ShouldContain("no Rosetta store");
    }

    [Fact]
    public void One_server_without_a_cluster_and_replicated_tables_on_a_cluster_both_work()
    {
        var single = ClickHouseCluster.NewDatabase("single");
        Rosetta($"normalize \"{Paths.Samples}\" --store \"{ClickHouseCluster.Store(single, "")}\"").Exit.ShouldBe(0);
        cluster.Sql(1, $"SELECT engine FROM system.tables WHERE database = '{single}' AND name = 'events'").ShouldBe("ReplacingMergeTree");
        cluster.Scalar($"SELECT count() FROM {single}.events").ShouldBe(136);

        // A Defender connection of 1969: 18.16's DateTime starts in 1970 and would wrap it; it is stored without its time, and said.
        var before1970 = Path.Combine(_folder, "old-defender.ndjson");
        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadLines(Path.Combine(Paths.Samples, "defender", "streaming-api.ndjson")).First())!;
        report["time"] = "1969-07-20T20:17:40Z";
        report["properties"]!["Timestamp"] = "1969-07-20T20:17:40Z";
        File.WriteAllText(before1970, report.ToJsonString() + "\n");
        var old = Rosetta($"normalize \"{before1970}\" --store \"{ClickHouseCluster.Store(single, "")}\"");
        old.Exit.ShouldBe(0, old.Err);
        old.Err.ShouldContain("1 time outside what the store's time columns hold were stored as NULL");
        cluster.Scalar($"SELECT count() FROM {single}.events WHERE isNull(event_date_creation) AND rosetta_time = toDateTime(0)").ShouldBe(1);

        var replicated = ClickHouseCluster.NewDatabase("repl");
        var (exit, _, error) = Rosetta($"normalize \"{Paths.Samples}\" --store \"{ClickHouseCluster.Store(replicated, "cluster=rosetta&replicated=1")}\"");
        exit.ShouldBe(0, error);
        cluster.Sql(2, $"SELECT engine FROM system.tables WHERE database = '{replicated}' AND name = 'events_local'").ShouldBe("ReplicatedReplacingMergeTree");
        cluster.Scalar($"SELECT count() FROM {replicated}.events").ShouldBe(136);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_reported_quickly()
    {
        var (exit, _, error) = Rosetta($"normalize \"{Paths.Samples}\" --store clickhouse://127.0.0.1:9/rosetta");
        exit.ShouldBe(2);
        error.ShouldContain("cannot be reached");
        Rosetta("normalize x --store clickhouse://me:secret@127.0.0.1:8123/db").Err.ShouldNotContain("secret");
    }

    private long Count(string database)
    {
        try
        {
            return cluster.Scalar($"SELECT count() FROM {database}.events");
        }
        catch (ShouldAssertException)
        {
            return 0; // the table is not made yet
        }
    }

    private string WriteEvents(string name, int count)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(i =>
            VendorEvents.SentinelOne(VendorEvents.Epoch + i, "p" + (i % 50) + ".exe", "10.0." + (i / 200 % 250) + "." + ((i % 200) + 1), 1024 + (i % 60_000), "198.51.100." + (i % 250), 443)));
        return path;
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }
    }

    private (int Exit, string Out, string Err) Rosetta(string arguments) => RosettaExe.Run(arguments, _folder);

    /// <summary>Times to the millisecond (ClickHouse 18.16 keeps milliseconds; SQLite nine digits), without the timing line.</summary>
    private static string ToMilliseconds(string csv) => NineDigits().Replace(csv, "$1Z");

    [GeneratedRegex(@"(\.\d{3})\d{6}Z")]
    private static partial Regex NineDigits();
}
