using Rosetta.Diagnostics;

namespace Rosetta.Dictionaries.Markdown;

/// <summary>
/// The blocks of an OSSEM markdown file, read line by line: front matter, headings, pipe tables and fenced
/// code, each with its line number. Tolerant of what OSSEM authors write and precise about it.
/// </summary>
internal sealed class MarkdownDocument
{
    private const string Fence = "```";

    public string? FrontMatter { get; private set; }

    public int FrontMatterLine { get; private set; }

    public List<MarkdownTable> Tables { get; } = [];

    public List<(string Section, int HeadingLine, EventSample Sample)> CodeBlocks { get; } = [];

    /// <summary>Every heading with its line, lower-cased and without a trailing colon.</summary>
    public List<(string Section, int Line)> Headings { get; } = [];

    public static MarkdownDocument Parse(string text, DiagnosticBag diagnostics)
    {
        var doc = new MarkdownDocument();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var i = doc.ReadFrontMatter(lines, diagnostics);
        var section = "";
        var sectionLine = 0;
        MarkdownTable? table = null;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var lineNo = i + 1;
            if (!trimmed.StartsWith('|'))
            {
                table = null;
            }

            if (trimmed.StartsWith(Fence, StringComparison.Ordinal))
            {
                i = doc.ReadFence(lines, i, section, sectionLine, diagnostics);
            }
            else if (trimmed.StartsWith('#'))
            {
                section = trimmed.TrimStart('#').Trim().TrimEnd(':').Trim().ToLowerInvariant();
                sectionLine = lineNo;
                doc.Headings.Add((section, lineNo));
            }
            else if (trimmed.StartsWith('|'))
            {
                var cells = MarkdownTable.SplitCells(line);
                if (table is null)
                {
                    table = new MarkdownTable(section, lineNo, cells);
                    doc.Tables.Add(table);
                }
                else if (table.Rows.Count == 0 && MarkdownTable.IsSeparator(cells))
                {
                    // the header's separator row carries nothing
                }
                else
                {
                    table.Rows.Add((lineNo, cells));
                }
            }
        }

        return doc;
    }

    private int ReadFrontMatter(string[] lines, DiagnosticBag diagnostics)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            diagnostics.Warn("RD001", 1, "no YAML front matter (a '---' line, then title, description, log.type ...): the dictionary has no metadata");
            return 0;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "---")
            {
                FrontMatter = string.Join('\n', lines[1..i]);
                FrontMatterLine = 2;
                return i + 1;
            }
        }

        diagnostics.Error("RD002", 1, "the front matter opened on line 1 never closes with a '---' line: metadata ignored");
        return 1;
    }

    private int ReadFence(string[] lines, int open, string section, int sectionLine, DiagnosticBag diagnostics)
    {
        var content = new List<string>();
        var afterFence = lines[open].Trim()[Fence.Length..];
        if (afterFence.EndsWith(Fence, StringComparison.Ordinal) && afterFence.Length > Fence.Length)
        {
            // ```{...}``` on one line
            AddBlock(section, sectionLine, afterFence[..^Fence.Length], open + 1);
            return open;
        }

        for (var i = open + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed == Fence || (trimmed.StartsWith(Fence, StringComparison.Ordinal) && trimmed.Trim('`').Length == 0))
            {
                AddBlock(section, sectionLine, string.Join('\n', content), open + 2);
                return i;
            }

            if (trimmed.EndsWith(Fence, StringComparison.Ordinal))
            {
                diagnostics.Warn("RD104", i + 1,
                    $"the closing code fence is glued to the end of the line ('{Shorten(trimmed)}'); the block opened on line {open + 1} ends here, without the fence");
                var text = lines[i].TrimEnd();
                content.Add(text[..^Fence.Length]);
                AddBlock(section, sectionLine, string.Join('\n', content), open + 2);
                return i;
            }

            if (trimmed.StartsWith("## ", StringComparison.Ordinal))
            {
                diagnostics.Warn("RD105", open + 1,
                    $"the code block opened on line {open + 1} is not closed before the heading on line {i + 1}; it ends there");
                AddBlock(section, sectionLine, string.Join('\n', content), open + 2);
                return i - 1;
            }

            content.Add(lines[i]);
        }

        diagnostics.Warn("RD105", open + 1, $"the code block opened on line {open + 1} is never closed; it runs to the end of the file");
        AddBlock(section, sectionLine, string.Join('\n', content), open + 2);
        return lines.Length;
    }

    private void AddBlock(string section, int sectionLine, string text, int firstLine)
    {
        var start = text.TrimStart();
        CodeBlocks.Add((section, sectionLine, new EventSample(text, start.StartsWith('{') || start.StartsWith('['), firstLine)));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : "..." + text[^37..];
}
