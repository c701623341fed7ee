using BenchmarkDotNet.Running;

namespace Rosetta.Bench;

/// <summary>
/// Per-stage benchmarks of the engine, with allocations per operation ([MemoryDiagnoser]):
/// <c>dotnet run -c Release --project bench/Rosetta.Bench -- --filter '*'</c>. Whole-process figures beside the
/// baselines come from bench/run.sh.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
