using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rosetta.Pipeline;
using Rosetta.Sources;
using Rosetta.Storage;
using Rosetta.Storage.Sqlite;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Storage;

/// <summary>Normalized records in a real SQLite file: every value in its typed column, each event once.</summary>
public sealed class StoreTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Every_sample_record_is_stored_with_the_values_the_ndjson_output_has()
    {
        var ingested = _store.Ingest(Paths.Samples);
        var records = Engine.Run(InputSource.Expand([Paths.Samples]), new NormalizeOptions { EventKeys = true }).Records;
        var byKey = records.GroupBy(r => r.GetProperty("rosetta").GetProperty("key").GetString()!).ToDictionary(g => g.Key, g => g.First());

        ingested.Stored.ShouldBe(byKey.Count);
        (ingested.Stored + ingested.Duplicates).ShouldBe(records.Count);
        ingested.Duplicates.ShouldBe(3); // the streaming API sample repeats three rows of the API response sample
        _store.Count().ShouldBe(byKey.Count);

        var columns = _store.Query("SELECT name FROM pragma_table_info('events')").Select(r => (string)r[0]!).ToList();
        foreach (var row in _store.Query("SELECT * FROM events"))
        {
            var values = columns.Zip(row).ToDictionary(p => p.First, p => p.Second);
            var record = byKey[Convert.ToHexStringLower((byte[])values["event_key"]!)];
            values["rosetta_source"].ShouldBe(record.GetProperty("rosetta").GetProperty("source").GetString());
            foreach (var field in record.EnumerateObject().Where(f => f.Name is not "rosetta" and not "vendor"))
            {
                Stored(values[field.Name]).ShouldBe(Expected(field.Value), $"{field.Name} of {values["rosetta_source"]}");
            }

            var vendor = record.TryGetProperty("vendor", out var v) ? v.GetRawText() : null;
            values["vendor"].ShouldBe(vendor);
            var extra = columns.Where(c => values[c] is not null && c != "id" && !c.StartsWith("rosetta_", StringComparison.Ordinal) && c is not "event_key" and not "ingest_id" and not "vendor")
                .Where(c => !record.TryGetProperty(c, out var _)).ToList();
            extra.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Ingesting_the_same_input_twice_stores_each_event_once()
    {
        var first = _store.Ingest(Paths.Samples);
        var second = _store.Ingest(Paths.Samples);

        second.Stored.ShouldBe(0);
        second.Duplicates.ShouldBe(first.Stored + first.Duplicates);
        _store.Count().ShouldBe(first.Stored);
        _store.Query("SELECT count(*), count(finished), sum(stored) FROM ingests")[0].ShouldBe(new object?[] { 2L, 2L, first.Stored });
        _store.Query("SELECT count(DISTINCT ingest_id) FROM events")[0][0].ShouldBe(1L);
    }

    [Fact]
    public void A_pretty_printed_event_and_its_one_line_form_are_one_event()
    {
        var line = VendorEvents.SentinelOne(VendorEvents.Epoch, "curl", "10.0.0.5", 50000, "93.184.216.34", 443);
        var pretty = JsonNode.Parse(line)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        _store.IngestLines("one-line.ndjson", [line]).Stored.ShouldBe(1);
        _store.IngestLines("pretty.json", [pretty]).Duplicates.ShouldBe(1);

        _store.Count().ShouldBe(1);
    }

    [Fact]
    public void Columns_are_typed_and_times_of_every_source_sort_as_text()
    {
        _store.Ingest(Paths.Samples);

        _store.Count("typeof(dst_port) NOT IN ('integer', 'null') OR typeof(process_id) NOT IN ('integer', 'null')").ShouldBe(0);
        _store.Count("typeof(network_initiated) NOT IN ('integer', 'null') OR typeof(event_duration) NOT IN ('real', 'null')").ShouldBe(0);
        _store.Count("typeof(dst_port) = 'integer'").ShouldBeGreaterThan(100);
        _store.Count("event_date_creation IS NOT NULL AND length(event_date_creation) <> 30").ShouldBe(0);
        var byText = _store.Query("SELECT id FROM events ORDER BY event_date_creation, id").Select(r => r[0]).ToList();
        var byInstant = _store.Query("SELECT id FROM events ORDER BY unixepoch(event_date_creation, 'subsec'), event_date_creation, id").Select(r => r[0]).ToList();
        byText.ShouldBe(byInstant);
        _store.Query("SELECT count(DISTINCT rosetta_source) FROM events")[0][0].ShouldBe(9L);
    }

    [Fact]
    public void Group_by_a_standard_name_works_on_every_source_and_uses_its_index()
    {
        _store.Ingest(Paths.Samples);
        var records = Engine.Run(InputSource.Expand([Paths.Samples]), new NormalizeOptions { EventKeys = true }).Records
            .DistinctBy(r => r.GetProperty("rosetta").GetProperty("key").GetString()).ToList();
        var expected = records.Where(r => r.TryGetProperty("dst_port", out _)).GroupBy(r => r.GetProperty("dst_port").GetInt64())
            .ToDictionary(g => g.Key, g => (long)g.Count());

        var counted = _store.Query("SELECT dst_port, count(*) FROM events WHERE dst_port IS NOT NULL GROUP BY dst_port")
            .ToDictionary(r => (long)r[0]!, r => (long)r[1]!);

        counted.ShouldBe(expected, ignoreOrder: true);
        string.Join("\n", _store.Query("EXPLAIN QUERY PLAN SELECT dst_port, count(*) FROM events GROUP BY dst_port").Select(r => r[3]))
            .ShouldContain("events_by_dst_port");
        foreach (var name in new[] { "event_date_creation", "src_ip", "dst_ip", "src_port", "process_name", "network_community_id" })
        {
            _store.Query($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_by_{name}'")[0][0].ShouldBe(1L, name);
        }
    }

    [Fact]
    public void Command_lines_are_full_text_indexed_for_any_piece_of_them()
    {
        _store.Ingest(Paths.Samples);

        foreach (var piece in new[] { "powershell", "-ExecutionPolicy Bypass", "AppData" })
        {
            var like = _store.Count($"process_command_line LIKE '%{piece}%' OR process_parent_command_line LIKE '%{piece}%'");
            like.ShouldBeGreaterThan(0, piece);
            _store.Query($"SELECT count(*) FROM events_fts WHERE events_fts MATCH '\"{piece}\"'")[0][0].ShouldBe(like, piece);
        }
    }

    [Fact]
    public void A_small_ingest_into_a_larger_store_indexes_its_command_lines_in_the_same_run()
    {
        _store.Ingest(Paths.Samples); // a bulk load: the store was empty
        var line = VendorEvents.SentinelOne(VendorEvents.Epoch, "zzfixture.exe", "10.0.0.5", 50000, "93.184.216.34", 443);

        _store.IngestLines("one.ndjson", [line]).Stored.ShouldBe(1); // smaller than the store: indexes kept current

        _store.Query("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'zzfixture'")[0][0].ShouldBe(1L);
        _store.Query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%'")[0][0].ShouldBe(8L);
    }

    [Fact]
    public void A_store_written_with_fewer_standard_names_gains_columns_for_the_new_ones()
    {
        var all = Engine.Default.AllStandardNames;
        var older = all.Where(n => n.Name != "process_signature_status" && n.Name != "dst_bytes").ToList();
        using (SqliteStore.Open(_store.Path, older))
        {
        }

        Columns().ShouldNotContain("process_signature_status");
        _store.Ingest(Paths.Samples);

        Columns().ShouldContain("process_signature_status");
        Columns().ShouldContain("dst_bytes");
        _store.Count("dst_bytes IS NOT NULL").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_store_written_by_a_newer_rosetta_is_refused_and_left_alone()
    {
        _store.Ingest(Paths.Samples);
        using (var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE store_meta SET value = '99' WHERE name = 'schema_version'";
            command.ExecuteNonQuery();
        }

        Should.Throw<StoreException>(() => SqliteStore.Open(_store.Path, Engine.Default.AllStandardNames)).Message.ShouldContain("newer Rosetta");
        _store.Count().ShouldBe(136);
    }

    [Fact]
    public void Only_a_rosetta_store_is_read()
    {
        var other = Path.Combine(_store.Folder, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x)";
            command.ExecuteNonQuery();
        }

        Should.Throw<StoreException>(() => StoreReader.Open(other)).Message.ShouldContain("not a Rosetta store");
        Should.Throw<StoreException>(() => StoreReader.Open(Path.Combine(_store.Folder, "missing.db"))).Message.ShouldContain("no such store");
        File.WriteAllText(Path.Combine(_store.Folder, "text.db"), "not a database at all, just text");
        Should.Throw<StoreException>(() => StoreReader.Open(Path.Combine(_store.Folder, "text.db"))).Message.ShouldContain("cannot be read as a store");
    }

    [Fact]
    public void Info_counts_records_per_source_with_their_time_range_and_the_runs()
    {
        _store.Ingest(Paths.Samples);
        _store.Ingest(Paths.Samples);

        using var reader = StoreReader.Open(_store.Path);
        var info = reader.Info();

        info.Events.ShouldBe(136);
        info.Sources.Count.ShouldBe(9);
        info.Sources.Single(s => s.Source == "zeek.conn").Events.ShouldBe(45);
        info.Sources.Single(s => s.Source == "sysmon.network").First.ShouldBe("2022-09-22T23:51:53.538000000Z");
        info.Ingests.Select(i => (i.Stored, i.Duplicates)).ShouldBe([(0L, 139L), (136L, 3L)]);
    }

    /// <summary>A time without its zone letter and the fraction's trailing zeros: the same instant, however many digits.</summary>
    private static string Instant(string iso) => iso.Contains('.', StringComparison.Ordinal) ? iso[..^1].TrimEnd('0').TrimEnd('.') : iso[..^1];

    private List<string> Columns() => [.. _store.Query("SELECT name FROM pragma_table_info('events')").Select(r => (string)r[0]!)];

    private static object? Stored(object? value) => value switch
    {
        string text when text.EndsWith('Z') && text.Length == 30 => Instant(text),
        _ => value,
    };

    private static object? Expected(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        JsonValueKind.String when value.GetString()!.EndsWith('Z') && DateTime.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out _)
            => Instant(value.GetString()!),
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
