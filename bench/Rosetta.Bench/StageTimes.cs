using System.Diagnostics;

namespace Rosetta.Bench;

/// <summary>
/// Each hot stage timed over the records of a real NDJSON file held in memory (no I/O, no start-up), so the stages
/// see the data's own variety rather than one record repeated: <c>dotnet run -c Release --project bench/Rosetta.Bench -- stages FILE [RUNS] [STAGE]</c>
/// (STAGE: only the stages whose name contains it, for a profiler).
/// </summary>
internal static class StageTimes
{
    public static void Run(string path, int runs, string only)
    {
        var records = File.ReadAllLines(path).Where(line => line.Length > 0).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var bytes = records.Sum(record => (long)record.Length);
        var engine = new StageBenchmarks();
        engine.Setup();
        Console.WriteLine($"{records.Length:N0} records, {bytes / 1048576.0:F0} MB, best of {runs} runs");
        (string Name, Action<byte[]> Work)[] stages =
        [
            ("scan into slots", engine.Scan),
            ("scan + route", record => engine.Route(record)),
            ("whole record, --standard-only", record => engine.StandardOnly(record)),
            ("whole record, with vendor leftovers", record => engine.WithLeftovers(record)),
        ];
        foreach (var (name, work) in stages.Where(stage => stage.Name.Contains(only, StringComparison.Ordinal)))
        {
            Time(name, records, bytes, runs, work);
        }
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
