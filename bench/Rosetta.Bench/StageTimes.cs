using System.Diagnostics;

namespace Rosetta.Bench;

/// <summary>
/// Each hot stage timed over the records of a real NDJSON file held in memory (no I/O, no start-up), so the stages
/// see the data's own variety rather than one record repeated: <c>dotnet run -c Release --project bench/Rosetta.Bench -- stages FILE [RUNS]</c>.
/// </summary>
internal static class StageTimes
{
    public static void Run(string path, int runs)
    {
        var records = File.ReadAllLines(path).Where(line => line.Length > 0).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var bytes = records.Sum(record => (long)record.Length);
        var engine = new StageBenchmarks();
        engine.Setup();
        Console.WriteLine($"{records.Length:N0} records, {bytes / 1048576.0:F0} MB, best of {runs} runs");
        Time("scan into slots", records, bytes, runs, engine.Scan);
        Time("scan + route", records, bytes, runs, record => engine.Route(record));
        Time("whole record, --standard-only", records, bytes, runs, record => engine.StandardOnly(record));
        Time("whole record, with vendor leftovers", records, bytes, runs, record => engine.WithLeftovers(record));
    }

    private static void Time(string stage, byte[][] records, long bytes, int runs, Action<byte[]> work)
    {
        var best = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var record in records)
            {
                work(record);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{stage,-38} {best * 1e9 / records.Length,8:F0} ns/record {bytes / 1048576.0 / best,8:F0} MB/s");
    }
}
