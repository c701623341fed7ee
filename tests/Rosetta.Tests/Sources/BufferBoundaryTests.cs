using Rosetta.Sources;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Sources;

/// <summary>Every input, read with tiny buffers and trickled a few bytes at a time, gives exactly the same records.</summary>
public class BufferBoundaryTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Paths.Golden, "*.input.*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Records_do_not_depend_on_where_reads_split_the_input(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Paths.Golden, name));
        var format = InputDecoder.Detect(bytes);
        var expected = Decode(format, new MemoryStream(bytes), 1 << 20);
        expected.ShouldNotBeEmpty();

        foreach (var (buffer, chunk) in new[] { (16, 1), (16, 3), (32, 7), (64, 64), (17, 1000) })
        {
            Decode(format, TrickleStream.Chunks(bytes, chunk), buffer).ShouldBe(expected, $"buffer {buffer}, reads of {chunk} bytes");
        }
    }

    [Fact]
    public void Every_split_point_of_an_ndjson_input_gives_the_same_lines()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Paths.Golden, "mixed.input.ndjson"));
        var expected = Decode(InputFormat.Ndjson, new MemoryStream(bytes), 1 << 20);
        for (var split = 1; split < bytes.Length; split++)
        {
            var stream = TrickleStream.SplitAt(bytes, split);
            Decode(InputFormat.Ndjson, stream, 8).ShouldBe(expected, $"split at byte {split}");
        }
    }

    private static List<string> Decode(InputFormat format, Stream stream, int buffer)
    {
        var consumer = new RecordingConsumer();
        if (format == InputFormat.Json)
        {
            JsonDocumentReader.Read(stream, consumer, buffer);
        }
        else if (format == InputFormat.Xml)
        {
            XmlEventReader.Read(stream, consumer, buffer);
        }
        else if (format == InputFormat.Zeek)
        {
            ZeekTsvReader.Read(stream, consumer, buffer);
        }
        else if (format == InputFormat.Csv)
        {
            CsvRecordReader.Read(stream, consumer, ',');
        }
        else
        {
            NdjsonReader.Read(stream, consumer, buffer);
        }

        return consumer.Seen;
    }
}
