using BenchmarkDotNet.Running;

namespace Rosetta.Bench;

/// <summary>
/// Per-stage benchmarks of the engine, with allocations per operation ([MemoryDiagnoser]):
/// <c>dotnet run -c Release --project bench/Rosetta.Bench -- --filter '*'</c>; or each stage over a real file's
/// records (<see cref="StageTimes"/>): <c>-- stages FILE [RUNS] [STAGE]</c>. Whole-process figures beside the baselines come
/// from bench/run.sh.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args is ["stages", var file, ..])
        {
            StageTimes.Run(file, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 3 ? args[3] : "");
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
