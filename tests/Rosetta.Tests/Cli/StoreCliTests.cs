using System.Text.Json;
using Rosetta.Tests.Storage;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Cli;

/// <summary><c>normalize --store</c>, <c>store info</c> and <c>hunt</c> run as a user runs them, on real store files.</summary>
public sealed class StoreCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-store-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private (int Exit, string Out, string Err) Rosetta(string arguments, string? stdin = null) => RosettaExe.Run(arguments, _folder, stdin);

    [Fact]
    public void Normalize_into_a_store_then_info_and_a_saved_hunt()
    {
        var (exit, output, error) = Rosetta($"normalize \"{Paths.Samples}\" --store samples.db");

        exit.ShouldBe(0);
        output.ShouldBeEmpty();
        error.ShouldContain("stored                 136");
        error.ShouldContain("already stored           3");
        File.ReadAllLines(Path.Combine(_folder, "samples.db.dead-letter.ndjson")).Length.ShouldBe(1);

        var info = Rosetta("store info --store samples.db --format json");
        info.Exit.ShouldBe(0);
        using var json = JsonDocument.Parse(info.Out);
        json.RootElement.GetProperty("events").GetInt64().ShouldBe(136);
        json.RootElement.GetProperty("sources").GetArrayLength().ShouldBe(9);
        Rosetta("store info --store samples.db").Out.ShouldContain("windows.security.5156");

        var hunt = Rosetta("hunt --store samples.db --saved same-flow-two-vendors --format csv");
        hunt.Exit.ShouldBe(0);
        var lines = hunt.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("community_id,src_ip,src_port,dst_ip,dst_port");
        lines.Length.ShouldBe(6);

        var ndjson = Rosetta("hunt --store samples.db \"SELECT dst_port, count(*) AS n FROM events GROUP BY dst_port ORDER BY n DESC LIMIT 3\"");
        var rows = ndjson.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rows.Count.ShouldBe(3);
        rows[0].GetProperty("n").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public void Hunt_refuses_writes_and_stops_at_its_timeout()
    {
        Rosetta($"normalize \"{Paths.Samples}\" --store s.db -q").Exit.ShouldBe(0);

        var delete = Rosetta("hunt --store s.db \"DELETE FROM events\"");
        delete.Exit.ShouldBe(2);
        delete.Err.ShouldContain("read-only");
        Rosetta("hunt --store s.db \"SELECT count(*) AS n FROM events\"").Out.Trim().ShouldBe("{\"n\":136}");

        var runaway = Rosetta("hunt --store s.db --timeout 0.5 \"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n\"");
        runaway.Exit.ShouldBe(4);
        runaway.Err.ShouldContain("--timeout");

        Rosetta("hunt --store missing.db \"SELECT 1\"").Err.ShouldContain("no such store");
        Rosetta("hunt --store s.db --saved nonesuch").Err.ShouldContain("same-flow-two-vendors");
        Rosetta("hunt --list").Out.ShouldContain("beaconing");
        Rosetta($"normalize \"{Paths.Samples}\" --store s.db -o out.ndjson").Exit.ShouldBe(2);
    }

    [Fact]
    public void Two_threads_store_what_one_stores_in_the_same_order()
    {
        var lines = Enumerable.Range(0, 12_000)
            .Select(i => VendorEvents.SentinelOne(VendorEvents.Epoch + i, "p" + (i % 50) + ".exe", "10.0.0." + ((i % 200) + 1), 1024 + i, "198.51.100.7", 443));
        File.WriteAllLines(Path.Combine(_folder, "events.ndjson"), lines); // ten blocks

        Rosetta("normalize events.ndjson --store one.db -q").Exit.ShouldBe(0);
        Rosetta("normalize events.ndjson --store two.db --threads 2 -q").Exit.ShouldBe(0);

        const string Query = "\"SELECT event_key, src_ip, src_port, dst_ip, process_name, network_community_id FROM events ORDER BY id\"";
        var one = Rosetta($"hunt --store one.db {Query}");
        var two = Rosetta($"hunt --store two.db {Query}");
        two.Exit.ShouldBe(0);
        two.Out.ShouldBe(one.Out);
        one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(12_000);
    }

    [Fact]
    public void A_run_killed_mid_input_then_run_again_leaves_every_event_exactly_once()
    {
        const int Events = 30_000;
        const int BeforeKill = 25_000;
        var lines = Enumerable.Range(0, Events)
            .Select(i => VendorEvents.SentinelOne(VendorEvents.Epoch + i, "p" + (i % 50) + ".exe", "10.0.0." + ((i % 200) + 1), 1024 + (i % 60_000), "198.51.100.7", 443))
            .ToList();
        var input = Path.Combine(_folder, "events.ndjson");
        File.WriteAllLines(input, lines);
        var store = Path.Combine(_folder, "kill.db");

        // Standard input keeps the first run mid-input: it has read 25,000 events and waits for more when it is killed.
        using (var first = RosettaExe.Start("normalize - --store kill.db -q", _folder))
        {
            first.StandardInput.Write(string.Join('\n', lines.Take(BeforeKill)) + "\n");
            first.StandardInput.Flush();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (Committed(store) == 0 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                Thread.Sleep(50);
            }

            first.HasExited.ShouldBeFalse();
            first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }

        var afterKill = Committed(store);
        afterKill.ShouldBeInRange(1, BeforeKill);

        // The killed run was a bulk load: it had dropped the secondary indexes. Opening the store makes them again,
        // and indexes the command lines of the rows it committed.
        using (var heal = new TestStoreReader(store))
        {
            heal.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%'").ShouldBe(1);
        }

        using (global::Rosetta.Storage.Sqlite.SqliteStore.Open(store, Engine.Default.AllStandardNames))
        {
        }

        using (var healed = new TestStoreReader(store))
        {
            healed.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%'").ShouldBe(8);
            healed.Scalar("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'fixture'").ShouldBe(afterKill);
        }

        var (exit, _, error) = Rosetta("normalize events.ndjson --store kill.db");

        exit.ShouldBe(0, error);
        using var check = new TestStoreReader(store);
        check.Scalar("SELECT count(*) FROM events").ShouldBe(Events);
        check.Scalar("SELECT count(DISTINCT event_date_creation) FROM events").ShouldBe(Events); // one per event, none twice
        check.Scalar("SELECT count(*) FROM ingests WHERE finished IS NULL").ShouldBe(1);
        check.Scalar("SELECT duplicates FROM ingests WHERE finished IS NOT NULL").ShouldBe(afterKill);
        check.Scalar("SELECT stored FROM ingests WHERE finished IS NOT NULL").ShouldBe(Events - afterKill);
        check.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%'").ShouldBe(8); // dropped by the killed bulk load, made again
        check.Scalar("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'fixture'").ShouldBe(Events);
    }

    private static long Committed(string store)
    {
        if (!File.Exists(store))
        {
            return 0;
        }

        try
        {
            using var reader = new TestStoreReader(store);
            return reader.Scalar("SELECT count(*) FROM events");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the schema is being created
        }
    }

    private sealed class TestStoreReader : IDisposable
    {
        private readonly Microsoft.Data.Sqlite.SqliteConnection _connection;

        public TestStoreReader(string path)
        {
            _connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            _connection.Open();
        }

        public long Scalar(string sql)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }

        public void Dispose() => _connection.Dispose();
    }
}
