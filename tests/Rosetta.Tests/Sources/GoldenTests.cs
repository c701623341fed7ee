using Rosetta.Sources;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Sources;

/// <summary>
/// Golden files per source and input shape: <c>case.input.EXT</c> normalizes to <c>case.expected.ndjson</c> and
/// <c>case.dead-letter.ndjson</c>. Set ROSETTA_UPDATE_GOLDEN=1 to rewrite them on purpose, then review the diff.
/// </summary>
public class GoldenTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("ROSETTA_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Cases() => BufferBoundaryTests.Inputs();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_normalizes_to_its_golden_output(string name)
    {
        var input = Path.Combine(Paths.Golden, name);
        var result = Engine.Run([new InputSource(input, null)]);
        var stem = name[..name.IndexOf(".input.", StringComparison.Ordinal)];
        var deadLetters = result.DeadLetters.Replace(Paths.Golden + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

        (result.Summary.RecordsOut + result.Summary.DeadLetterCount).ShouldBe(result.Summary.EventsIn);
        Compare(Path.Combine(Paths.Golden, stem + ".expected.ndjson"), result.Output);
        Compare(Path.Combine(Paths.Golden, stem + ".dead-letter.ndjson"), deadLetters);
    }

    [Fact]
    public void A_gzip_input_gives_the_same_records_as_the_plain_one()
    {
        var plain = Path.Combine(Paths.Golden, "mixed.input.ndjson");
        var zipped = Path.Combine(Path.GetTempPath(), $"rosetta-{Guid.NewGuid():N}.ndjson.gz");
        using (var file = File.Create(zipped))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(plain));
        }

        try
        {
            Engine.Run(zipped).Output.ShouldBe(Engine.Run(plain).Output);
        }
        finally
        {
            File.Delete(zipped);
        }
    }

    private static void Compare(string path, string actual)
    {
        if (Update)
        {
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing: run the tests with ROSETTA_UPDATE_GOLDEN=1 and review it");
        actual.ShouldBe(File.ReadAllText(path), $"{Path.GetFileName(path)} differs (ROSETTA_UPDATE_GOLDEN=1 rewrites it)");
    }
}
