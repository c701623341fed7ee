using System.Text;
using System.Text.Json;
using Rosetta.Json;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Json;

/// <summary>
/// The cursor must accept exactly what Utf8JsonReader accepts (the engine's earlier reader, and what the dead-letter
/// messages are worded by): hand-picked edges, then thousands of mutations of real vendor lines.
/// </summary>
public class JsonCursorTests
{
    [Theory]
    [InlineData("""{"a":1}""")]
    [InlineData(""" { "a" : [ 1 , -2.5e+3 , 0 , 0.0 , 1E9 , true , false , null , "x" , { } , [ ] ] } """)]
    [InlineData("""{"a":"\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00"}""")]
    [InlineData("""{"a":"\ud800"}""")] // a lone surrogate escape: Utf8JsonReader does not check it when reading
    [InlineData("\t{\r\n\"a\"\t:\n1}\r\n")]
    [InlineData("""{"a":1,}""")]
    [InlineData("""{"a":1 "b":2}""")]
    [InlineData("""{"a" 1}""")]
    [InlineData("""{a:1}""")]
    [InlineData("""{'a':1}""")]
    [InlineData("""{"a":01}""")]
    [InlineData("""{"a":-}""")]
    [InlineData("""{"a":1.}""")]
    [InlineData("""{"a":.5}""")]
    [InlineData("""{"a":1e}""")]
    [InlineData("""{"a":+1}""")]
    [InlineData("""{"a":1x}""")]
    [InlineData("""{"a":nul}""")]
    [InlineData("""{"a":nulll}""")]
    [InlineData("""{"a":True}""")]
    [InlineData("""{"a":"\x"}""")]
    [InlineData("""{"a":"\u12G4"}""")]
    [InlineData("""{"a":"\u12"}""")]
    [InlineData("""{"a":"unterminated}""")]
    [InlineData("""{"a":[1,2,]}""")]
    [InlineData("""{"a":[1 2]}""")]
    [InlineData("""{"a":[}""")]
    [InlineData("""{"a":{"b":1}""")]
    [InlineData("""{"a":1}}""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("""{"a":1}garbage""")]
    [InlineData("""{"a":1} // comment""")]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("[]")]
    [InlineData("[1,[2,[3]]]")]
    [InlineData("42")]
    [InlineData("-0")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("{\"a\":\"tab\there\"}")]
    [InlineData("{\"a\":1}\u0000")]
    public void Accepts_what_Utf8JsonReader_accepts(string json) =>
        Accepts(Encoding.UTF8.GetBytes(json)).ShouldBe(ReaderAccepts(Encoding.UTF8.GetBytes(json)), json);

    [Fact]
    public void Nests_as_deep_as_Utf8JsonReader_and_no_deeper()
    {
        foreach (var depth in new[] { 255, 256, 257 })
        {
            var arrays = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            var objects = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1));

            Accepts(arrays).ShouldBe(depth <= JsonCursor.MaxDepth);
            ReaderAccepts(arrays).ShouldBe(depth <= JsonCursor.MaxDepth);
            Accepts(objects).ShouldBe(depth <= JsonCursor.MaxDepth);
            ReaderAccepts(objects).ShouldBe(depth <= JsonCursor.MaxDepth);
        }
    }

    [Fact]
    public void Agrees_with_Utf8JsonReader_on_mutated_vendor_lines()
    {
        var lines = File.ReadLines(Paths.DefenderCorpus).Concat(File.ReadLines(Paths.CloudFunnelCorpus))
            .Where(line => line.Length > 0).Take(40).Select(Encoding.UTF8.GetBytes).ToList();
        var random = new Random(6);
        byte[] meaningful = [.. "{}[]\":,\\ -.0123456789eEtrufalsn\t\n"u8, 0, 0x1F, (byte)'x'];
        var disagreements = new List<string>();
        var rejected = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var mutant = Mutate(lines[random.Next(lines.Count)], random, meaningful);
            var expected = ReaderAccepts(mutant);
            rejected += expected ? 0 : 1;
            if (Accepts(mutant) != expected)
            {
                disagreements.Add(Encoding.UTF8.GetString(mutant));
            }
        }

        disagreements.ShouldBeEmpty();
        rejected.ShouldBeGreaterThan(5_000); // the mutations do make bad JSON
    }

    [Fact]
    public void Finds_the_first_byte_a_string_stops_at_as_the_library_search_does()
    {
        byte[] stops = [(byte)'"', (byte)'\\', 0, 0x1F];
        byte[] others = [(byte)'a', (byte)' ', 0x7F, 0x80, 0xC3, 0xA9, 0xFF];
        var random = new Random(3);
        for (var length = 0; length <= 100; length++)
        {
            for (var at = -1; at < length; at++)
            {
                var text = new byte[length];
                for (var i = 0; i < length; i++)
                {
                    text[i] = others[random.Next(others.Length)];
                }

                if (at >= 0)
                {
                    text[at] = stops[random.Next(stops.Length)];
                }

                JsonCursor.IndexOfStringStop(text).ShouldBe(text.AsSpan().IndexOfAny(JsonCursor.StringStops), $"length {length}, stop at {at}");
            }
        }
    }

    [Fact]
    public void Reports_strings_and_numbers_where_they_are()
    {
        var json = """{"name" : "a\"b", "n": -12.5e3}"""u8;
        var cursor = new JsonCursor(json);
        cursor.StartObject(1);
        var first = true;

        cursor.NextMember(ref first, out var nameStart, out var nameLength, out var escaped).ShouldBeTrue();
        Encoding.UTF8.GetString(json.Slice(nameStart, nameLength)).ShouldBe("name");
        escaped.ShouldBeFalse();
        cursor.ReadString(out var start, out var length, out escaped);
        Encoding.UTF8.GetString(json.Slice(start, length)).ShouldBe("a\\\"b");
        escaped.ShouldBeTrue();

        cursor.NextMember(ref first, out nameStart, out nameLength, out _).ShouldBeTrue();
        Encoding.UTF8.GetString(json.Slice(nameStart, nameLength)).ShouldBe("n");
        start = cursor.Position;
        Encoding.UTF8.GetString(json.Slice(start, cursor.ReadNumber())).ShouldBe("-12.5e3");
        cursor.NextMember(ref first, out _, out _, out _).ShouldBeFalse();
        cursor.End();
    }

    internal static byte[] Mutate(byte[] line, Random random, byte[] meaningful)
    {
        var bytes = line.ToList();
        for (var edits = random.Next(1, 3); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, meaningful[random.Next(meaningful.Length)]);
                    break;
                default:
                    bytes[at] = meaningful[random.Next(meaningful.Length)];
                    break;
            }
        }

        return [.. bytes];
    }

    private static bool Accepts(byte[] json)
    {
        try
        {
            var cursor = new JsonCursor(json);
            if (cursor.Peek() == 0 && cursor.Position == json.Length)
            {
                return false;
            }

            cursor.SkipValue(0);
            cursor.End();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReaderAccepts(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonCursor.MaxDepth });
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
