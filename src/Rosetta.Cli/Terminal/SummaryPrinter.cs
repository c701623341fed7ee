using Rosetta.Diagnostics;
using Rosetta.Pipeline;

namespace Rosetta.Cli.Terminal;

/// <summary>The closing summary of a normalize run: what came in, what went out, what went to the dead letters, and why.</summary>
internal static class SummaryPrinter
{
    public static void Print(TextWriter writer, RunSummary summary, string deadLetterPath, Catalog catalog)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.0001);
        writer.WriteLine(
            $"rosetta: {summary.EventsIn:N0} events from {summary.Inputs} input{(summary.Inputs == 1 ? "" : "s")} ({Format.Bytes(summary.Bytes)}) in {seconds:F2} s: {summary.EventsIn / seconds:N0} events/s, {Format.Bytes(summary.Bytes / seconds)}/s");
        writer.WriteLine($"  records out     {summary.RecordsOut,10:N0}");
        foreach (var (source, count) in summary.RecordsBySource)
        {
            writer.WriteLine($"    {source,-28}{count,10:N0}");
        }

        writer.WriteLine($"  dead letters    {summary.DeadLetterCount,10:N0}{(summary.DeadLetterCount > 0 ? "  -> " + deadLetterPath : "")}");
        foreach (var (outcome, count) in summary.DeadLetters)
        {
            writer.WriteLine($"    {outcome.ToString().ToLowerInvariant(),-28}{count,10:N0}");
        }

        foreach (var (reason, (count, first)) in summary.DeadLetterReasons.OrderByDescending(r => r.Value.Count).Take(8))
        {
            writer.WriteLine($"      {count,8:N0} x {reason} (first at {first})");
        }

        if (summary.FieldProblems > 0)
        {
            writer.WriteLine($"  field problems  {summary.FieldProblems,10:N0}  (the records were kept without those values; see their rosetta.diagnostics)");
        }

        if (summary.UnknownDirections.Count > 0)
        {
            writer.WriteLine($"  unknown direction {summary.UnknownDirections.Values.Sum(),8:N0}  (kept as their dictionaries map them; add the cases to the overlay's orientation)");
            foreach (var (reason, count) in summary.UnknownDirections.OrderByDescending(r => r.Value).Take(8))
            {
                writer.WriteLine($"      {count,8:N0} x {reason}");
            }
        }

        if (summary.Examples.Count > 0)
        {
            writer.WriteLine("  first field problems:");
            foreach (var example in summary.Examples)
            {
                writer.WriteLine("    " + example);
            }
        }

        var diagnostics = catalog.AllDiagnostics.Count(d => d.Severity >= Severity.Warning);
        if (diagnostics > 0)
        {
            writer.WriteLine($"  dictionaries: {catalog.Plans.Count} sources ran; their files carry {diagnostics} warnings ('rosetta dictionaries check' lists them)");
        }
    }
}
