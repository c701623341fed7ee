using System.Globalization;
using Microsoft.Data.Sqlite;
using Rosetta.Storage.Hunting;

namespace Rosetta.Storage.Sqlite.Hunting;

/// <summary>Runs SQL on a read-only store and streams its rows to a writer; a token stops it mid-statement.</summary>
public static class HuntRunner
{
    private const int ReadOnlyError = 8;
    private const int InterruptError = 9;
    private const int AuthorizationError = 23;

    /// <summary>
    /// Runs <paramref name="sql"/> (one statement or several) with <paramref name="parameters"/> bound as <c>:NAME</c>;
    /// returns the rows written.
    /// </summary>
    /// <exception cref="StoreException">The SQL fails: the message says why (syntax, a write refused, cancelled ...).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired while it ran.</exception>
    public static long Run(StoreReader store, string sql, IReadOnlyDictionary<string, string> parameters, IResultWriter writer, CancellationToken cancellation)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(":" + name, Typed(value));
        }

        var rows = 0L;
        using var interrupt = cancellation.Register(store.Interrupt);
        try
        {
            using var reader = command.ExecuteReader();
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                writer.Start([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)]);
                var values = new object?[reader.FieldCount];
                while (reader.Read())
                {
                    reader.GetValues(values!);
                    writer.Row(values);
                    rows++;
                }

                writer.Finish();
            }
            while (reader.NextResult());
        }
        catch (SqliteException e) when (e.SqliteErrorCode == InterruptError || cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("the query was stopped", e, cancellation);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is ReadOnlyError or AuthorizationError)
        {
            var what = store.Refused ?? "a statement that writes";
            throw new StoreException($"hunts are read-only: {what} is refused and the store is unchanged (SQLite: {e.Message})", e);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"the query failed: {e.Message}", e);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("parameter", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException($"the query needs a value: {e.Message} (give it with --param NAME=VALUE)", e);
        }

        return rows;
    }

    /// <summary>A parameter's text as SQLite should compare it: a whole number, a real, or text.</summary>
    private static object Typed(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real
        : value;
}
