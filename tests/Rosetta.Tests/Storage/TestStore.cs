using Microsoft.Data.Sqlite;
using Rosetta.Pipeline;
using Rosetta.Sinks;
using Rosetta.Sources;
using Rosetta.Storage.Sqlite;
using Rosetta.Storage;
using Rosetta.Storage.Hunting;
using Rosetta.Storage.Sqlite.Hunting;

namespace Rosetta.Tests.Storage;

/// <summary>A real SQLite store file in a temporary folder, filled by the real engine, read with plain SQL.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-store-").FullName;

    public TestStore()
    {
        Path = System.IO.Path.Combine(_folder, "events.db");
    }

    public string Path { get; }

    public string Folder => _folder;

    /// <summary>Normalizes files into the store, as <c>rosetta normalize --store</c> does.</summary>
    public Ingested Ingest(params string[] inputs)
    {
        var normalizer = Engine.Default;
        using var store = SqliteStore.Open(Path, normalizer.AllStandardNames);
        var id = store.BeginIngest(inputs);
        using var dead = new MemoryStream();
        RunSummary summary;
        long stored, duplicates;
        using (var sink = store.CreateSink(id, InputSource.Expand(inputs).Sum(i => i.Length ?? 0)))
        using (var deadLetters = new DeadLetterSink(() => new NonClosingStream(dead)))
        {
            summary = normalizer.Run(InputSource.Expand(inputs), new NormalizeOptions { EventKeys = true }, sink, deadLetters);
            sink.Complete();
            stored = sink.Stored;
            duplicates = sink.Duplicates;
        }

        store.FinishIngest(id, new IngestFigures(summary.EventsIn, summary.RecordsOut, stored, duplicates, summary.DeadLetterCount));
        return new Ingested(summary, stored, duplicates);
    }

    /// <summary>Writes lines to a file of the store's folder and ingests it.</summary>
    public Ingested IngestLines(string name, IEnumerable<string> lines)
    {
        var path = System.IO.Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return Ingest(path);
    }

    /// <summary>Rows of a query, each an array of values (long, double, string, byte[] or null).</summary>
    public List<object?[]> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public long Count(string where = "1") => (long)Query($"SELECT count(*) FROM events WHERE {where}")[0][0]!;

    /// <summary>Runs a saved hunt from hunts/ through the read-only runner; rows as column-name maps.</summary>
    public List<Dictionary<string, object?>> Hunt(string name, params (string Name, string Value)[] overrides)
    {
        var hunt = SavedHunt.Load(System.IO.Path.Combine(Paths.Repository, "hunts", name + ".sql"));
        var values = hunt.Parameters.ToDictionary(p => p.Name, p => p.Default);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return Run(hunt.Sql, values);
    }

    public List<Dictionary<string, object?>> Run(string sql, Dictionary<string, string>? values = null, CancellationToken cancellation = default)
    {
        using var reader = StoreReader.Open(Path);
        var rows = new CollectingWriter();
        HuntRunner.Run(reader, sql, values ?? [], rows, cancellation);
        return rows.Rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    internal sealed record Ingested(RunSummary Summary, long Stored, long Duplicates);
}
