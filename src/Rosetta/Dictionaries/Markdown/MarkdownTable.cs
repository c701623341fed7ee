namespace Rosetta.Dictionaries.Markdown;

/// <summary>A pipe table as written: its header cells and its rows, each with its line.</summary>
internal sealed class MarkdownTable
{
    public MarkdownTable(string section, int line, IReadOnlyList<string> header)
    {
        Section = section;
        Line = line;
        Header = header;
    }

    /// <summary>The heading the table stands under, lower-cased, without a trailing colon.</summary>
    public string Section { get; }

    /// <summary>The line of the header row.</summary>
    public int Line { get; }

    public IReadOnlyList<string> Header { get; }

    public List<(int Line, string[] Cells)> Rows { get; } = [];

    /// <summary>The index of the header cell whose text, without spaces, equals <paramref name="name"/>; -1 if none.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Replace(" ", "", StringComparison.Ordinal), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Splits one table line into trimmed cells; <c>\|</c> stays a literal pipe.</summary>
    public static string[] SplitCells(string line)
    {
        var text = line.Trim();
        if (text.StartsWith('|'))
        {
            text = text[1..];
        }

        if (text.EndsWith('|') && !text.EndsWith("\\|", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (text[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(text[i]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return [.. cells];
    }

    /// <summary>True for the <c>| --- | :--: |</c> line under a header.</summary>
    public static bool IsSeparator(string[] cells) =>
        cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':')) && cells.Any(c => c.Contains('-', StringComparison.Ordinal));
}
