namespace Rosetta.Storage.ClickHouse.Writing;

/// <summary>Rows on their way to ClickHouse: TabSeparated, gzip-compressed, all carrying <see cref="Token"/> in <c>rosetta_batch</c>.</summary>
/// <param name="Token">Names the batch in the store (<c>RUN-NUMBER</c>), so that a retry can ask which of its rows arrived.</param>
/// <param name="Number">The batch's number in its run, from 1.</param>
/// <param name="FirstRecord">The run's number of its first record, from 1.</param>
/// <param name="Rows">Rows in it.</param>
/// <param name="Gzip">The rows, compressed.</param>
internal sealed record InsertBatch(string Token, int Number, long FirstRecord, int Rows, byte[] Gzip);
