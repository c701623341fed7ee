using System.IO.Compression;
using System.Text;
using Rosetta.Storage.ClickHouse.Http;

namespace Rosetta.Storage.ClickHouse.Writing;

/// <summary>
/// Sends a batch so that it is stored once, whatever fails on the way. A try that fails for a transient reason (a
/// server or shard away, a connection lost, HTTP 5xx) is retried with backoff; before each retry, the store is asked
/// which of the batch's rows it already has (by its token), and only the others are sent: a batch that arrived but
/// whose answer was lost is not stored again, nor is the shard's share of a batch that reached one shard and not the
/// other. On Replicated tables ClickHouse's own insert deduplication also drops a block sent twice.
/// </summary>
internal sealed class BatchInserter(ClickHouseHttp http, ClickHouseSchema schema, string columnList, RetryPolicy retry, Action<string>? warn)
{
    private readonly string _insert = $"INSERT INTO {schema.Events} ({columnList}) FORMAT TabSeparated";
    private readonly IReadOnlyDictionary<string, string> _settings = schema.Dialect.InsertSettings(schema.Clustered);

    /// <summary>Stores <paramref name="batch"/>.</summary>
    /// <exception cref="ClickHouseException">It could not be stored, for good or after every try.</exception>
    public void Insert(InsertBatch batch, CancellationToken cancellation)
    {
        retry.Run(
            attempt =>
            {
                var body = batch.Gzip;
                if (attempt > 1)
                {
                    var stored = StoredKeys(batch.Token, cancellation);
                    if (stored.Count == batch.Rows)
                    {
                        return true; // the earlier try stored it all; only its answer was lost
                    }

                    if (stored.Count > 0)
                    {
                        body = Without(batch.Gzip, stored);
                    }
                }

                http.Insert(_insert, body, _settings, $"{batch.Token}-{attempt}", cancellation);
                return true;
            },
            (failure, attempt, delay) =>
            {
                warn?.Invoke($"batch {batch.Number} (records {batch.FirstRecord:N0} to {batch.FirstRecord + batch.Rows - 1:N0}): {failure.Message}; try {attempt} of {retry.Attempts} in {delay.TotalSeconds:F1} s");
            },
            cancellation);
    }

    /// <summary>The event keys of the batch's rows the store has.</summary>
    private HashSet<string> StoredKeys(string token, CancellationToken cancellation)
    {
        var result = http.Query($"SELECT event_key FROM {schema.Events} WHERE rosetta_batch = {ClickHouseSchema.Literal(token)}", cancellation: cancellation);
        return [.. result.FirstColumn()];
    }

    /// <summary>The batch's rows less those whose key (the first column) is in <paramref name="stored"/>, compressed again.</summary>
    private static byte[] Without(byte[] gzip, HashSet<string> stored)
    {
        using var output = new MemoryStream();
        using (var compressor = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress), Encoding.UTF8))
        {
            var lookup = stored.GetAlternateLookup<ReadOnlySpan<char>>();
            while (reader.ReadLine() is { } row)
            {
                var tab = row.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0 && lookup.Contains(row.AsSpan(0, tab)))
                {
                    continue;
                }

                compressor.Write(Encoding.UTF8.GetBytes(row + "\n"));
            }
        }

        return output.ToArray();
    }
}
