using System.Buffers;
using System.Text;
using Rosetta.Schema;
using Rosetta.Storage;
using Rosetta.Storage.ClickHouse;
using Rosetta.Storage.ClickHouse.Dialects;
using Rosetta.Storage.ClickHouse.Hunting;
using Rosetta.Storage.ClickHouse.Http;
using Rosetta.Storage.ClickHouse.Writing;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.ClickHouse;

/// <summary>What Rosetta sends ClickHouse, checked without a server: both dialects' tables, rows, literals, URLs and errors.</summary>
public sealed class ClickHouseSqlTests
{
    private static readonly StandardName[] Names =
    [
        new("event_date_creation", FieldType.Date, ""), new("dst_ip", FieldType.Ip, ""), new("dst_port", FieldType.Port, ""),
        new("network_community_id", FieldType.String, ""), new("network_initiated", FieldType.Boolean, ""), new("src_bytes", FieldType.Integer, ""),
    ];

    [Fact]
    public void The_18_16_dialect_splits_times_into_seconds_and_milliseconds_and_keeps_addresses_as_text()
    {
        var schema = new ClickHouseSchema(ClickHouseDialect.Legacy, "db", "c", replicated: false);
        var create = schema.Create(schema.ColumnsOf(Names));
        var events = create.Single(s => s.StartsWith("CREATE TABLE IF NOT EXISTS db.events_local ON CLUSTER c", StringComparison.Ordinal));
        events.ShouldContain("`event_date_creation` Nullable(DateTime('UTC')), `event_date_creation_ms` Nullable(UInt16)");
        events.ShouldContain("`dst_ip` Nullable(String)");
        events.ShouldContain("rosetta_source String");
        events.ShouldNotContain("LowCardinality");
        events.ShouldNotContain("DateTime64");
        events.ShouldContain("ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(rosetta_time) ORDER BY (rosetta_source, rosetta_time, event_key)");
        create.ShouldContain("CREATE TABLE IF NOT EXISTS db.events ON CLUSTER c AS db.events_local ENGINE = Distributed(c, db, events_local, cityHash64(ifNull(network_community_id, event_key)))");
        create[0].ShouldBe("CREATE DATABASE IF NOT EXISTS db ON CLUSTER c");
        ClickHouseDialect.Legacy.InsertSettings(distributed: true)["insert_distributed_sync"].ShouldBe("1");
        ClickHouseDialect.Legacy.InsertSettings(distributed: false).ShouldBeEmpty();
    }

    [Fact]
    public void The_modern_dialect_uses_DateTime64_IPv6_LowCardinality_and_async_inserts()
    {
        var schema = new ClickHouseSchema(ClickHouseDialect.Modern, "db", null, replicated: false);
        var events = schema.Create(schema.ColumnsOf(Names)).Single(s => s.Contains("db.events (", StringComparison.Ordinal));
        events.ShouldContain("`event_date_creation` Nullable(DateTime64(3, 'UTC'))");
        events.ShouldNotContain("event_date_creation_ms");
        events.ShouldContain("`dst_ip` Nullable(IPv6)");
        events.ShouldContain("rosetta_source LowCardinality(String)");
        events.ShouldNotContain("ON CLUSTER");
        schema.Create(schema.ColumnsOf(Names)).ShouldNotContain(s => s.Contains("Distributed", StringComparison.Ordinal));
        var settings = ClickHouseDialect.Modern.InsertSettings(distributed: false);
        settings["async_insert"].ShouldBe("1");
        settings["wait_for_async_insert"].ShouldBe("1");
    }

    [Theory]
    [InlineData("18.16.1", "18.16")]
    [InlineData("21.8.15.7", "18.16")]
    [InlineData("21.11.2", "modern")]
    [InlineData("24.8.4.13", "modern")]
    public void The_dialect_follows_the_server_version(string version, string dialect) =>
        ClickHouseDialect.ForVersion(version).Name.ShouldBe(dialect);

    [Fact]
    public void Replicated_tables_take_their_ZooKeeper_path_from_the_shard_and_replica_macros()
    {
        var schema = new ClickHouseSchema(ClickHouseDialect.Legacy, "db", "c", replicated: true);
        var create = schema.Create(schema.ColumnsOf(Names));
        create.ShouldContain(s => s.Contains("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/db/events', '{replica}')", StringComparison.Ordinal));
        create.ShouldContain(s => s.Contains("ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/db/ingests', '{replica}', version)", StringComparison.Ordinal));
        schema.AddColumns([new ClickHouseColumn("new_name", "Nullable(String)", "new_name", FieldType.String, ColumnRole.Value)])
            .ShouldBe(["ALTER TABLE db.events_local ON CLUSTER c ADD COLUMN `new_name` Nullable(String)", "ALTER TABLE db.events ON CLUSTER c ADD COLUMN `new_name` Nullable(String)"]);
    }

    [Fact]
    public void Rows_are_tab_separated_with_escapes_times_split_and_out_of_range_times_sent_as_null()
    {
        var schema = new ClickHouseSchema(ClickHouseDialect.Legacy, "db", null, replicated: false);
        var rows = new TsvRowWriter(schema, schema.ColumnsOf(Names), 42);
        var record = """{"rosetta":{"source":"s1","key":"00112233445566778899aabbccddeeff"},"event_date_creation":"2024-03-01T10:20:30.5Z","dst_ip":"10.0.0.1","dst_port":443,"network_initiated":true,"network_community_id":"a\tb\\c\nd","vendor":{"x":"y"}}"""u8;
        var output = new ArrayBufferWriter<byte>();
        rows.Read(record).ShouldBe(UInt128.Parse("00112233445566778899aabbccddeeff", System.Globalization.NumberStyles.HexNumber, null));
        rows.Emit(record, "42-1"u8, output);
        var cells = Encoding.UTF8.GetString(output.WrittenSpan).TrimEnd('\n').Split('\t');
        rows.ColumnList.ShouldStartWith("event_key, ingest_id, rosetta_batch, rosetta_time, rosetta_source");
        cells[0].ShouldBe("00112233445566778899aabbccddeeff");
        cells[1..5].ShouldBe(["42", "42-1", "2024-03-01 10:20:30", "s1"]);
        cells[9].ShouldBe("{\"x\":\"y\"}");
        cells[10..].ShouldBe(["2024-03-01 10:20:30", "500", "10.0.0.1", "443", "a\\tb\\\\c\\nd", "1", "\\N"]);

        var early = """{"rosetta":{"source":"s1"},"event_date_creation":"1969-12-31T23:59:59Z"}"""u8;
        output.ResetWrittenCount();
        rows.Read(early);
        rows.Emit(early, "42-1"u8, output);
        var earlyCells = Encoding.UTF8.GetString(output.WrittenSpan).TrimEnd('\n').Split('\t');
        earlyCells[3].ShouldBe("1970-01-01 00:00:00");
        earlyCells[10..12].ShouldBe(["\\N", "\\N"]);
        earlyCells[0].Length.ShouldBe(32); // no key in the record: one made from its bytes
        rows.TimesOutOfRange.ShouldBe(1);
    }

    [Fact]
    public void Errors_are_read_from_both_forms_of_the_body_and_transient_ones_are_retried()
    {
        var old = ClickHouseException.FromResponse(500, "Code: 279, e.displayText() = DB::NetException: All connection tries failed. Log: \n\nCode: 210, e.displayText() = DB::NetException: Connection refused (127.0.0.1:19024), e.what() = DB::NetException\n, e.what() = DB::NetException\n");
        old.Code.ShouldBe(279);
        old.Retryable.ShouldBeTrue();
        old.Message.ShouldStartWith("code 279: All connection tries failed.");

        var syntax = ClickHouseException.FromResponse(400, "Code: 62. DB::Exception: Syntax error: failed at position 1 ('SELEC'). (SYNTAX_ERROR) (version 24.8.4.13 (official build))");
        syntax.Code.ShouldBe(62);
        syntax.Retryable.ShouldBeFalse();
        syntax.Message.ShouldBe("code 62: Syntax error: failed at position 1 ('SELEC')");

        // What an insert through the Distributed table answers when a shard dies mid-insert (seen on the local cluster).
        var shardDied = ClickHouseException.FromResponse(500, "Code: 32, e.displayText() = DB::Exception: Attempt to read after eof: while receiving packet from 127.0.0.1:19024: Insertion status:\nWrote 1 blocks and 994 rows on shard 0 replica 0, 127.0.0.1:19023 (average 2 ms per block)\n, e.what() = DB::Exception");
        shardDied.Code.ShouldBe(32);
        shardDied.Retryable.ShouldBeTrue();
        ClickHouseException.FromResponse(503, "<html>Service Unavailable</html>").Retryable.ShouldBeTrue();
        ClickHouseException.FromResponse(404, "not here").Retryable.ShouldBeFalse();
    }

    [Fact]
    public void Retries_back_off_and_give_up_after_their_tries()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4));
        var tries = 0;
        var heard = new List<int>();
        Should.Throw<ClickHouseException>(() => policy.Run<int>(_ => { tries++; throw new ClickHouseException(210, "down", retryable: true); }, (_, next, _) => heard.Add(next), default));
        tries.ShouldBe(3);
        heard.ShouldBe([2, 3]);
        Should.Throw<ClickHouseException>(() => policy.Run<int>(_ => { tries++; throw new ClickHouseException(62, "syntax", retryable: false); }, null, default));
        tries.ShouldBe(4);
        policy.Run(attempt => attempt < 2 ? throw new ClickHouseException(0, "reset", retryable: true) : attempt, null, default).ShouldBe(2);
        new RetryPolicy(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)).DelayBefore(9).TotalSeconds.ShouldBeInRange(8, 9.6);
    }

    [Fact]
    public void Parameters_become_escaped_literals_outside_strings_and_comments()
    {
        var values = new Dictionary<string, string> { ["n"] = "6", ["ratio"] = "0.2", ["ports"] = "80, 443", ["evil"] = "x' OR 1=1 --\\" };
        ParameterBinder.Bind("SELECT :n, :ratio, :ports, :evil, ':n', `:n`, a::n -- :n\n/* :n */ FROM t", values)
            .ShouldBe("SELECT 6, 0.2, '80, 443', 'x\\' OR 1=1 --\\\\', ':n', `:n`, a::n -- :n\n/* :n */ FROM t");
        Should.Throw<StoreException>(() => ParameterBinder.Bind("SELECT :missing", values)).Message.ShouldContain("--param missing=VALUE");
    }

    [Fact]
    public void Store_urls_carry_no_password_and_say_what_is_wrong()
    {
        var location = ClickHouseLocation.Parse("clickhouse://analyst@ch.example:8123/sec?cluster=prod&batch_rows=200000", name => name == "ROSETTA_CLICKHOUSE_PASSWORD" ? "s3cret" : null);
        location.Endpoint.ShouldBe(new Uri("http://ch.example:8123/"));
        (location.Database, location.Cluster, location.User, location.BatchRows, location.Dialect).ShouldBe(("sec", "prod", "analyst", 200_000, "auto"));
        location.ToString().ShouldBe("clickhouse://analyst@ch.example:8123/sec?cluster=prod");
        location.ToString().ShouldNotContain("s3cret");
        ClickHouseLocation.Parse("clickhouse://h:1/", _ => null).Database.ShouldBe("rosetta");

        Should.Throw<StoreException>(() => ClickHouseLocation.Parse("clickhouse://u:pw@h:8123/db", _ => null)).Message.ShouldNotContain("pw@");
        Should.Throw<StoreException>(() => ClickHouseLocation.Parse("clickhouse://h:8123/db?shards=2", _ => null)).Message.ShouldContain("unknown option 'shards'");
        Should.Throw<StoreException>(() => ClickHouseLocation.Parse("clickhouse://h:8123/db-1", _ => null)).Message.ShouldContain("letters, digits and underscores");
        Should.Throw<StoreException>(() => ClickHouseLocation.Parse("clickhouse://h:8123/db?dialect=19", _ => null)).Message.ShouldContain("18.16, modern or auto");
        Should.Throw<StoreException>(() => ClickHouseLocation.Parse("clickhouse://h:8123/db?batch_rows=0", _ => null)).Message.ShouldContain("batch_rows");

        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-file\n");
        ClickHouseLocation.Parse("clickhouse://h:8123/db", n => n == "ROSETTA_CLICKHOUSE_PASSWORD_FILE" ? file : null).Password.ShouldBe("from-file");
        File.Delete(file);
    }
}
