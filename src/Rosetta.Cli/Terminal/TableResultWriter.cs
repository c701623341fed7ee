using Rosetta.Storage.Hunting;
using Spectre.Console;

namespace Rosetta.Cli.Terminal;

/// <summary>A hunt's rows as a Spectre.Console table; past <see cref="MaxRows"/> rows it says how many more there were.</summary>
internal sealed class TableResultWriter : IResultWriter
{
    /// <summary>Rows drawn per result set; the other formats write every row.</summary>
    public const int MaxRows = 1000;

    private const int UnwrappedWidth = 1000;

    private Table? _table;
    private long _rows;

    /// <inheritdoc/>
    public void Start(IReadOnlyList<string> columns)
    {
        _table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            _table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        _rows = 0;
    }

    /// <inheritdoc/>
    public void Row(IReadOnlyList<object?> values)
    {
        if (++_rows > MaxRows)
        {
            return;
        }

        var cells = new string[values.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = values[i];
            if (i < _table!.Columns.Count && value is long or double)
            {
                _table.Columns[i].RightAligned();
            }

            cells[i] = value is null or DBNull ? "" : Markup.Escape(CsvResultWriter.Text(value) ?? "");
        }

        _table!.AddRow(cells);
    }

    /// <inheritdoc/>
    public void Finish()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = UnwrappedWidth; // no terminal to fit: each row on one line
        }

        AnsiConsole.Write(_table!);
        if (_rows > MaxRows)
        {
            Console.Error.WriteLine($"rosetta: {MaxRows:N0} of {_rows:N0} rows shown; --format csv or ndjson writes them all");
        }
    }
}
