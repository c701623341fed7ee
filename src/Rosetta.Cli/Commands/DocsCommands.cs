using System.CommandLine;
using Markdig;
using Rosetta.Documentation;
using Rosetta.Pipeline;

namespace Rosetta.Cli.Commands;

/// <summary><c>rosetta dictionaries docs -o DIR</c> and <c>rosetta dictionaries matrix</c>: documentation generated from the files.</summary>
internal static class DocsCommands
{
    private static readonly MarkdownPipeline Html = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static Command Docs()
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the pages into", Required = true };
        var format = FormatOption();
        var folders = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var command = new Command("docs", "Write one page per source (fields, types, standard names, samples and what they normalize to), an index and the coverage matrix")
        {
            output, format, folders, noShipped,
        };
        command.SetAction(result =>
        {
            var catalog = Catalog.Load(result.GetValue(folders) ?? [], !result.GetValue(noShipped));
            var folder = result.GetRequiredValue(output);
            var html = result.GetValue(format) == "html";
            try
            {
                Directory.CreateDirectory(folder);
                var normalizer = new Normalizer(catalog.Plans);
                foreach (var plan in catalog.Plans)
                {
                    Write(folder, DictionaryPage.FileName(plan), plan.SourceId, DictionaryPage.Markdown(plan, normalizer), html);
                }

                Write(folder, "README.md", "Rosetta's sources", DictionaryPage.Index(catalog.Plans), html);
                Write(folder, "matrix.md", "Standard names by source", CoverageMatrix.Markdown(catalog.Plans, catalog.StandardNames), html);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"rosetta: cannot write {folder}: {e.Message}");
                return ExitCodes.UsageOrUnreadable;
            }

            Console.Error.WriteLine($"rosetta: wrote {catalog.Plans.Count} source pages, an index and the matrix to {folder}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Matrix()
    {
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: standard output)" };
        var format = FormatOption();
        var folders = DictionaryOptions.Folders();
        var noShipped = DictionaryOptions.NoShipped();
        var command = new Command("matrix", "Print which source gives which standard name (mapped or derived)") { output, format, folders, noShipped };
        command.SetAction(result =>
        {
            var catalog = Catalog.Load(result.GetValue(folders) ?? [], !result.GetValue(noShipped));
            var markdown = CoverageMatrix.Markdown(catalog.Plans, catalog.StandardNames);
            var text = result.GetValue(format) == "html" ? Page("Standard names by source", markdown) : markdown;
            if (result.GetValue(output) is { } file)
            {
                File.WriteAllText(file, text);
            }
            else
            {
                Console.Out.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "md or html", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        return format;
    }

    private static void Write(string folder, string markdownName, string title, string markdown, bool html)
    {
        if (html)
        {
            var name = Path.ChangeExtension(markdownName, ".html");
            File.WriteAllText(Path.Combine(folder, name), Page(title, markdown.Replace(".md)", ".html)", StringComparison.Ordinal)));
        }
        else
        {
            File.WriteAllText(Path.Combine(folder, markdownName), markdown);
        }
    }

    private static string Page(string title, string markdown) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:80rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}pre{background:#f5f5f5;padding:.5rem;overflow:auto}</style>
        </head><body>
        {{Markdown.ToHtml(markdown, Html)}}
        </body></html>

        """;
}
