using Rosetta.Dictionaries.Markdown;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Dictionaries;

public class MarkdownToleranceTests
{
    private const string Header = "---\ntitle: T\nlog.type: x\n---\n\n## Data Dictionary\n| Standard Name | Field Name | Type | Description | Sample Value |\n| --- | --- | --- | --- | --- |\n";

    [Fact]
    public void An_extra_empty_cell_after_Type_is_dropped_with_a_warning()
    {
        var d = MarkdownDictionaryReader.Read("t.md", Header + "| src_ip | LocalIP | ip | | the address | 1.2.3.4 |\n");

        var field = d.Fields.ShouldHaveSingleItem();
        (field.Type, field.Description, field.SampleValue).ShouldBe(("ip", "the address", "1.2.3.4"));
        d.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD102");
        d.Diagnostics[0].Line.ShouldBe(9);
    }

    [Fact]
    public void Extra_non_empty_cells_are_ignored_and_named()
    {
        var d = MarkdownDictionaryReader.Read("t.md", Header + "| a | A | string | d | s | surplus |\n");

        d.Fields.ShouldHaveSingleItem().SampleValue.ShouldBe("s");
        d.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("'surplus'");
    }

    [Fact]
    public void Missing_trailing_cells_read_as_empty()
    {
        var d = MarkdownDictionaryReader.Read("t.md", Header + "| a | A | string |\n");

        d.Fields.ShouldHaveSingleItem().Type.ShouldBe("string");
        d.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD101");
    }

    [Fact]
    public void A_code_block_that_never_closes_ends_at_the_next_heading()
    {
        var text = "---\ntitle: T\n---\n## Event JSON\n```\n{\"a\": 1}\n## Data Dictionary\n| Standard Name | Field Name | Type | Description | Sample Value |\n|---|---|---|---|---|\n| a_b | a | integer | d | 1 |\n";
        var d = MarkdownDictionaryReader.Read("t.md", text);

        d.Samples.ShouldHaveSingleItem().Text.Trim().ShouldBe("{\"a\": 1}");
        d.Fields.ShouldHaveSingleItem().FieldName.ShouldBe("a");
        d.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("RD105");
    }

    [Fact]
    public void Invalid_front_matter_is_read_line_by_line()
    {
        var d = MarkdownDictionaryReader.Read("t.md", "---\ntitle: [unclosed\nlog.type: x\n---\n" + Header[4..].Split("---\n", 2)[1]);

        d.Diagnostics.ShouldContain(x => x.Code == "RD003");
        d.Metadata["log.type"].ShouldBe("x");
    }

    [Fact]
    public void A_file_without_a_data_dictionary_is_an_error_not_an_exception()
    {
        var d = MarkdownDictionaryReader.Read("t.md", "just text\n| a |\n");

        d.Diagnostics.Select(x => x.Code).ShouldBe(["RD001", "RD112"]);
        d.Fields.ShouldBeEmpty();
    }

    [Fact]
    public void Binary_garbage_does_not_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            var text = System.Text.Encoding.Latin1.GetString(bytes).Replace('\0', '|');
            Should.NotThrow(() => MarkdownDictionaryReader.Read("garbage.md", text));
        }
    }

    [Fact]
    public void An_invalid_json_sample_is_reported_at_its_line()
    {
        var d = MarkdownDictionaryReader.Read("t.md", "---\ntitle: T\n---\n## Event JSON\n```\n{\n  \"a\": 1,,\n}\n```\n" + Header[4..].Split("---\n", 2)[1] + "| a_b | a | integer | d | 1 |\n");

        var problem = d.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("RD111");
        problem.Line.ShouldBe(7);
    }
}
