using System.Text;
using System.Text.Json;
using Rosetta.Json;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Json;

/// <summary>Text written as a JSON string reads back as itself, escaped the way Rosetta escapes.</summary>
public class JsonBufferTests
{
    [Fact]
    public void Escapes_quotes_backslashes_and_control_characters_and_nothing_else()
    {
        var output = new JsonBuffer();

        output.String("a\"b\\c\nd\re\tf\u0001g\u001fé/<"u8);

        Encoding.UTF8.GetString(output.WrittenSpan).ShouldBe("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fé/<\"");
    }

    [Fact]
    public void Text_of_any_length_with_escapes_anywhere_reads_back_as_itself()
    {
        var random = new Random(11);
        string[] pieces = ["a", " ", "é", "\"", "\\", "\n", "\u0000", "\u001f", "xyz"];
        for (var length = 0; length < 120; length++)
        {
            var text = string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
            var output = new JsonBuffer();

            output.String(Encoding.UTF8.GetBytes(text));

            JsonDocument.Parse(output.WrittenMemory).RootElement.GetString().ShouldBe(text);
        }
    }
}
