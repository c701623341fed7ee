using System.Globalization;
using CsvHelper;

namespace Rosetta.Storage.Hunting;

/// <summary>A hunt's rows as CSV, each result set with its header row.</summary>
public sealed class CsvResultWriter(Stream stream) : IResultWriter, IDisposable
{
    private readonly CsvWriter _csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
    private string?[] _row = [];

    /// <inheritdoc/>
    public void Start(IReadOnlyList<string> columns)
    {
        _row = new string?[columns.Count];
        _csv.WriteHeader([.. columns]);
    }

    /// <inheritdoc/>
    public void Row(IReadOnlyList<object?> values)
    {
        for (var i = 0; i < _row.Length; i++)
        {
            _row[i] = Text(values[i]);
        }

        _csv.WriteRecord(_row!);
    }

    /// <inheritdoc/>
    public void Finish() => _csv.Flush();

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();

    /// <summary>A value as text: numbers invariant, blobs in hex, NULL empty.</summary>
    public static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        byte[] bytes => Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
