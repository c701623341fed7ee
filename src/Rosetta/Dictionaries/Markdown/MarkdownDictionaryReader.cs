using System.Text.Json;
using Rosetta.Diagnostics;
using Rosetta.Schema;

namespace Rosetta.Dictionaries.Markdown;

/// <summary>Reads an OSSEM markdown data dictionary (the seeds' format) and says what is wrong with it.</summary>
public static class MarkdownDictionaryReader
{
    /// <summary>Reads the dictionary in <paramref name="text"/>, naming <paramref name="path"/> in diagnostics.</summary>
    public static DataDictionary Read(string path, string text)
    {
        var bag = new DiagnosticBag(path);
        var doc = MarkdownDocument.Parse(text, bag);
        var frontMatter = FrontMatter.Read(doc.FrontMatter, doc.FrontMatterLine, bag);
        var metadata = frontMatter.Values;
        var fields = new List<DictionaryField>();
        var eventTypes = new List<EventTypeRow>();
        foreach (var table in doc.Tables)
        {
            if (table.Column("FieldName") < 0)
            {
                continue;
            }

            if (table.Section.Contains("event type", StringComparison.Ordinal))
            {
                eventTypes.AddRange(ReadEventTypes(table, bag));
            }
            else if (table.Column("Type") >= 0)
            {
                fields.AddRange(ReadFields(table, bag));
            }
        }

        if (fields.Count == 0)
        {
            var empty = doc.Tables.FirstOrDefault(t => t.Column("FieldName") >= 0 && t.Column("Type") >= 0);
            if (empty is null)
            {
                bag.Error("RD112", 0, "no Data Dictionary table (a pipe table with Standard Name | Field Name | Type columns): nothing to map");
            }
            else
            {
                bag.Warn("RD112", empty.Line, "the Data Dictionary table has no rows: nothing to map");
            }
        }

        var samples = ReadSamples(doc, bag);
        var eventName = RuleName(metadata);
        metadata.TryGetValue("title", out var title);
        CheckTitle(title, eventName, frontMatter, bag);
        CheckEventTypes(eventTypes, fields, samples, bag);
        CheckDuplicates(fields, bag);
        return new DataDictionary
        {
            Path = path,
            Format = DictionaryFormat.Markdown,
            Title = title,
            Description = metadata.GetValueOrDefault("description"),
            LogSource = metadata.GetValueOrDefault("log.type"),
            EventName = eventName ?? title,
            Metadata = metadata,
            Fields = fields,
            EventTypes = eventTypes,
            Samples = samples,
            Diagnostics = bag.Items,
        };
    }

    private static List<DictionaryField> ReadFields(MarkdownTable table, DiagnosticBag bag)
    {
        int standard = table.Column("StandardName"), field = table.Column("FieldName"), type = table.Column("Type");
        int description = table.Column("Description"), sample = table.Column("SampleValue");
        var width = table.Header.Count;
        var rows = new List<DictionaryField>();
        foreach (var (line, raw) in table.Rows)
        {
            var cells = FitRow(raw, width, type, line, bag);
            string? Cell(int i) => i >= 0 && i < cells.Count && cells[i].Length > 0 ? cells[i] : null;
            var name = Cell(field);
            if (name is null)
            {
                bag.Warn("RD103", line, "the row has no Field Name: skipped");
                continue;
            }

            var standardName = Cell(standard);
            var typeName = Cell(type);
            if (standardName is null)
            {
                bag.Warn("RD106", line, $"{name} has no Standard Name: its values are kept as vendor fields unless an overlay names it");
            }

            if (typeName is not null && !FieldTypeNames.IsTypeName(typeName))
            {
                bag.Warn("RD107", line, $"{name} has the unknown type '{typeName}': read as string");
            }

            rows.Add(new DictionaryField(standardName, name, typeName, Cell(description), Cell(sample), line));
        }

        return rows;
    }

    /// <summary>Brings a row to the header's width, saying which cell was missing or extra.</summary>
    private static List<string> FitRow(string[] raw, int width, int typeColumn, int line, DiagnosticBag bag)
    {
        var cells = raw.ToList();
        if (cells.Count > width)
        {
            var extra = cells.Count - width;
            for (var i = typeColumn + 1; i < cells.Count && cells.Count > width;)
            {
                // a stray '|' leaves an empty cell; drop those after Type first
                if (cells[i].Length == 0)
                {
                    cells.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }

            if (cells.Count > width)
            {
                bag.Warn("RD102", line,
                    $"the row has {raw.Length} cells where the header has {width}: the extra cells ('{string.Join("', '", cells.Skip(width))}') are ignored");
                cells.RemoveRange(width, cells.Count - width);
            }
            else
            {
                bag.Warn("RD102", line,
                    $"the row has {raw.Length} cells where the header has {width}: {Plural(extra, "empty cell")} after Type dropped");
            }
        }
        else if (cells.Count < width && SplitOnTabs(cells, width) is { } split)
        {
            bag.Warn("RD101", line, $"the row has {raw.Length} cells where the header has {width}: a tab stands where a '|' should; read as {width} cells");
            cells = split;
        }
        else if (cells.Count < width)
        {
            var missing = width - cells.Count;
            if (typeColumn >= 0 && typeColumn < cells.Count && !FieldTypeNames.IsTypeName(cells[typeColumn]) && cells[typeColumn].Length > 0)
            {
                bag.Warn("RD101", line,
                    $"the row has {raw.Length} cells where the header has {width}: the Type cell is missing ('{Shorten(cells[typeColumn])}' stands where the type should), so {cells.ElementAtOrDefault(1) ?? "the field"} has no type");
                cells.Insert(typeColumn, "");
                missing--;
            }
            else
            {
                bag.Warn("RD101", line, $"the row has {raw.Length} cells where the header has {width}: the last {Plural(missing, "cell")} read as empty");
            }

            for (; missing > 0; missing--)
            {
                cells.Add("");
            }
        }

        return cells;
    }

    /// <summary>Cells an author separated with a tab instead of '|' (<c>| string\tSID of ... |</c>), when that gives the header's width.</summary>
    private static List<string>? SplitOnTabs(List<string> cells, int width)
    {
        var split = cells.SelectMany(c => c.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).DefaultIfEmpty("")).ToList();
        return split.Count == width ? split : null;
    }

    private static List<EventTypeRow> ReadEventTypes(MarkdownTable table, DiagnosticBag bag)
    {
        int standard = table.Column("StandardName"), field = table.Column("FieldName"), description = table.Column("Description");
        var rows = new List<EventTypeRow>();
        foreach (var (line, cells) in table.Rows)
        {
            string? Cell(int i) => i >= 0 && i < cells.Length && cells[i].Length > 0 ? cells[i] : null;
            if (Cell(field) is not { } name)
            {
                bag.Warn("RD103", line, "the Event Types row has no Field Name: skipped");
                continue;
            }

            rows.Add(new EventTypeRow(Cell(standard), name, Cell(description), line));
        }

        return rows;
    }

    private static List<EventSample> ReadSamples(MarkdownDocument doc, DiagnosticBag bag)
    {
        var samples = new List<EventSample>();
        foreach (var (section, _, sample) in doc.CodeBlocks)
        {
            if (!IsSampleSection(section) && !sample.IsJson && !sample.Text.TrimStart().StartsWith('<'))
            {
                continue;
            }

            samples.Add(sample);
            if (sample.IsJson)
            {
                try
                {
                    using var _ = JsonDocument.Parse(sample.Text);
                }
                catch (JsonException e)
                {
                    bag.Warn("RD111", sample.Line + (int)(e.LineNumber ?? 0), $"the Event JSON sample is not valid JSON: {e.Message}");
                }
            }
        }

        foreach (var (section, line) in doc.Headings)
        {
            if (IsSampleSection(section) && !doc.CodeBlocks.Any(b => b.HeadingLine == line))
            {
                bag.Info("RD110", line, $"the section '{section}' is empty: the dictionary has no event sample");
            }
        }

        return samples;
    }

    private static bool IsSampleSection(string section) =>
        section.Contains("event", StringComparison.Ordinal) && (section.Contains("json", StringComparison.Ordinal) || section.Contains("xml", StringComparison.Ordinal));

    /// <summary>The vendor's own event name: the front matter key ending in <c>.rule</c>, when it is a name.</summary>
    private static string? RuleName(IReadOnlyDictionary<string, string> metadata)
    {
        var rule = metadata.FirstOrDefault(kv => kv.Key.EndsWith(".rule", StringComparison.Ordinal)).Value;
        return rule is not null && !rule.Contains(' ', StringComparison.Ordinal) ? rule : null;
    }

    private static void CheckTitle(string? title, string? rule, FrontMatter frontMatter, DiagnosticBag bag)
    {
        if (title is null || rule is null)
        {
            return;
        }

        var titleWords = Words.Of(title);
        if (!Words.Of(rule).Any(titleWords.Contains))
        {
            var key = frontMatter.Values.First(kv => kv.Value == rule && kv.Key.EndsWith(".rule", StringComparison.Ordinal)).Key;
            bag.Warn("RD108", frontMatter.LineOf("title"),
                $"the title '{title}' does not name the event '{rule}' ({key}, line {frontMatter.LineOf(key)}): the event name is taken from {key}");
        }
    }

    /// <summary>Flags Event Types rows that do not belong to this file (copied from another dictionary).</summary>
    private static void CheckEventTypes(List<EventTypeRow> eventTypes, List<DictionaryField> fields, List<EventSample> samples, DiagnosticBag bag)
    {
        var roots = fields.Select(f => f.FieldName.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var json = samples.FirstOrDefault(s => s.IsJson);
        JsonDocument? sample = null;
        try
        {
            sample = json is null ? null : JsonDocument.Parse(json.Text);
        }
        catch (JsonException)
        {
            // already reported by ReadSamples
        }

        using (sample)
        {
            foreach (var row in eventTypes)
            {
                if (roots.Contains(row.FieldName.Split('.')[0]))
                {
                    continue;
                }

                if (sample is not null && SampleValueIsNull(sample.RootElement, row.FieldName))
                {
                    bag.Warn("RD109", row.Line,
                        $"the Event Types row '{row.StandardName} | {row.FieldName}' does not fit this file: {row.FieldName} is null in the event sample and the data dictionary's fields are under {string.Join(", ", roots.Order(StringComparer.Ordinal))}; the row looks copied from another dictionary and is ignored");
                }
            }
        }
    }

    private static bool SampleValueIsNull(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return false;
            }
        }

        return current.ValueKind == JsonValueKind.Null;
    }

    private static void CheckDuplicates(List<DictionaryField> fields, DiagnosticBag bag)
    {
        // One vendor field may carry two standard names (Sysmon's Image is process_name and process_path);
        // the same field with the same standard name twice is a copy.
        var seen = new Dictionary<(string, string?), int>();
        foreach (var field in fields)
        {
            if (!seen.TryAdd((field.FieldName, field.StandardName), field.Line))
            {
                bag.Warn("RD113", field.Line, $"{field.FieldName} is listed again as {field.StandardName ?? "(no standard name)"} (first on line {seen[(field.FieldName, field.StandardName)]}): the first row is used");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Plural(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
