using System.Text;
using Rosetta.Pipeline;
using Rosetta.Sinks;
using Rosetta.Sources;
using Rosetta.Tests.Storage;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Pipeline;

/// <summary>--threads: the same records, dead letters (with their line numbers) and counts as one thread, in order.</summary>
public sealed class ParallelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosetta-parallel-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Two_threads_write_what_one_writes_across_many_blocks()
    {
        var lines = new List<string>();
        for (var i = 0; i < 12_000; i++)
        {
            lines.Add(VendorEvents.SentinelOne(VendorEvents.Epoch + i, "p" + (i % 7) + ".exe", "10.0.0." + ((i % 250) + 1), 1024 + i, "198.51.100.7", 443));
            if (i % 1_000 == 999)
            {
                lines.Add("{\"truncated\": ");   // malformed: a dead letter with its line
                lines.Add("");                    // blank: skipped
                lines.Add("{\"unknown\": 1}");    // recognized by no dictionary: a dead letter
            }
        }

        var path = Path.Combine(_folder, "events.ndjson");
        File.WriteAllLines(path, lines); // about 20 MB: ten blocks
        IReadOnlyList<InputSource> inputs = [.. InputSource.Expand([path, Paths.Samples])];

        var one = OneThreadAsTwo(inputs);

        one.Summary.RecordsOut.ShouldBe(12_000 + 139);
        one.Dead.Count(d => d.GetProperty("input").GetString() == path).ShouldBe(24);
        one.Dead.First().GetProperty("line").GetInt64().ShouldBe(1_001);
    }

    [Fact]
    public void Two_threads_read_a_table_as_one_does_across_quoted_line_breaks_and_broken_rows()
    {
        var sample = File.ReadAllLines(Path.Combine(Paths.Samples, "defender", "network-events-portal.csv"));
        string[] lastCells =
        [
            "\"line one\nline two\"",
            "\"with \"\"escaped\"\" quotes\r\nand a CRLF\"",
            "stray\"quote",
            "\"closed\"after",
            " \"space before\"",
            "\"comma, and\n\nblank lines\"",
            "extra,cell",
            "\"\"",
        ];
        var random = new Random(6);
        var text = new StringBuilder(sample[0]).Append('\n');
        var bigCellDone = false;
        for (var i = 0; text.Length < 9 << 20; i++)
        {
            var row = sample[1 + (i % (sample.Length - 1))];
            if (!bigCellDone && text.Length > (2 << 20) - (100 << 10))
            {
                // a quoted cell of 400 KB full of line breaks, over the first block's end
                row += "\"" + string.Concat(Enumerable.Repeat("a line of a long quoted cell, with \"\"quotes\"\"\n", 8_000)) + "\"";
                bigCellDone = true;
            }
            else if (random.Next(20) == 0)
            {
                row += lastCells[random.Next(lastCells.Length)];
            }

            text.Append(row).Append(random.Next(10) == 0 ? "\r\n" : "\n");
        }

        text.Append(sample[1]).Append("\"never closed\nto the end"); // a last row whose quote runs to the end
        var path = Path.Combine(_folder, "table.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)); // as Excel-friendly exports start

        var one = OneThreadAsTwo([new InputSource(path, new FileInfo(path).Length)]);

        one.Summary.RecordsOut.ShouldBeGreaterThan(14_000);
        one.Dead.Count.ShouldBeGreaterThan(300);
        one.Dead.Max(d => d.GetProperty("line").GetInt64()).ShouldBeGreaterThan(23_000); // lines, not rows: the long cell has 8,000
    }

    [Fact]
    public async Task A_write_that_fails_on_two_threads_ends_the_run_with_its_own_error()
    {
        var lines = Enumerable.Range(0, 12_000).Select(i => VendorEvents.SentinelOne(VendorEvents.Epoch + i, "p.exe", "10.0.0.1", 1024 + i, "198.51.100.7", 443));
        var path = Path.Combine(_folder, "many.ndjson");
        File.WriteAllLines(path, lines); // ten blocks; their records fill more than the disk below holds
        using var disk = new FullDisk(capacity: 1 << 20);
        using var sink = new NdjsonSink(disk, ownsStream: false);
        using var deadLetters = new DeadLetterSink(() => Stream.Null);

        var run = Task.Run(() => Engine.Default.Run([.. InputSource.Expand([path])], new NormalizeOptions { Threads = 2 }, sink, deadLetters));

        (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1)))).ShouldBe(run, "the other thread must not wait for ever");
        (await Should.ThrowAsync<IOException>(run)).Message.ShouldBe("No space left on device");
        disk.Length.ShouldBeLessThanOrEqualTo(1 << 20);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_progress_counts_every_event_in_the_end(int threads)
    {
        var lines = Enumerable.Range(0, 2_500).Select(i => VendorEvents.SentinelOne(VendorEvents.Epoch + i, "p.exe", "10.0.0.1", 1024 + i, "198.51.100.7", 443));
        var path = Path.Combine(_folder, "progress.ndjson");
        File.WriteAllLines(path, lines.Append("{\"truncated\": "));
        var progress = new RunProgress();

        var run = Engine.Run([.. InputSource.Expand([path, Paths.Samples])], new NormalizeOptions { Threads = threads }, progress: progress);

        progress.Events.ShouldBe(run.Summary.EventsIn); // told a thousand at a time, the rest at each flush
        run.Summary.EventsIn.ShouldBeGreaterThan(2_501);
    }

    [Fact]
    public void Two_threads_read_lines_longer_than_a_block_and_a_last_line_without_its_newline()
    {
        var normal = VendorEvents.SentinelOne(VendorEvents.Epoch, "p.exe", "10.0.0.1", 1024, "198.51.100.7", 443);
        var longOne = normal.Replace("p.exe", new string('p', 5 << 20) + ".exe", StringComparison.Ordinal); // 5 MB, over two blocks
        var text = string.Join("\n", Enumerable.Repeat(normal, 3000).Append(longOne).Concat(Enumerable.Repeat(normal, 3000)).Append("{\"unknown\": 1}"));
        var path = Path.Combine(_folder, "long.ndjson");
        File.WriteAllText(path, text);

        var one = OneThreadAsTwo([new InputSource(path, new FileInfo(path).Length)]);

        one.Summary.RecordsOut.ShouldBe(6001);
        one.Dead.Single().GetProperty("line").GetInt64().ShouldBe(6002);
    }

    /// <summary>Runs <paramref name="inputs"/> on one thread and on two: the same records, dead letters and counts. Returns the first.</summary>
    private static Engine.Result OneThreadAsTwo(IReadOnlyList<InputSource> inputs)
    {
        var one = Engine.Run(inputs, new NormalizeOptions());
        var two = Engine.Run(inputs, new NormalizeOptions { Threads = 2 });

        two.Output.ShouldBe(one.Output);
        two.DeadLetters.ShouldBe(one.DeadLetters);
        two.Summary.EventsIn.ShouldBe(one.Summary.EventsIn);
        two.Summary.RecordsBySource.ShouldBe(one.Summary.RecordsBySource);
        two.Summary.DeadLetterReasons.ShouldBe(one.Summary.DeadLetterReasons);
        return one;
    }

    /// <summary>A disk that fills up: writing beyond its capacity fails as a full disk does.</summary>
    private sealed class FullDisk(int capacity) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > capacity)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer);
        }
    }
}
