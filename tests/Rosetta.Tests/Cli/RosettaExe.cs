using System.Diagnostics;
using Shouldly;

namespace Rosetta.Tests.Cli;

/// <summary>The real rosetta executable, started as a user starts it, in a working folder.</summary>
internal static class RosettaExe
{
    /// <summary>Starts rosetta with redirected standard streams; the caller writes its input and waits.</summary>
    public static Process Start(string arguments, string folder)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "rosetta.dll")}\" {arguments}")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        return Process.Start(start)!;
    }

    /// <summary>Runs rosetta to its end; <paramref name="stdin"/> is its standard input.</summary>
    public static (int Exit, string Out, string Err) Run(string arguments, string folder, string? stdin = null)
    {
        using var process = Start(arguments, folder);
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000).ShouldBeTrue();
        return (process.ExitCode, output.Result, error.Result);
    }
}
