using Rosetta.Pipeline;

namespace Rosetta.Cli.Terminal;

/// <summary>A progress line on standard error, redrawn four times a second while a long run goes on.</summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly RunProgress _progress;
    private readonly long _totalBytes;
    private readonly Timer _timer;
    private readonly DateTime _start = DateTime.UtcNow;
    private int _width;

    private ProgressReporter(RunProgress progress, long totalBytes)
    {
        _progress = progress;
        _totalBytes = totalBytes;
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Starts reporting when standard error is a terminal; null otherwise (logs stay clean).</summary>
    public static ProgressReporter? StartIfTerminal(RunProgress progress, long totalBytes) =>
        Console.IsErrorRedirected ? null : new ProgressReporter(progress, totalBytes);

    private void Draw()
    {
        var seconds = Math.Max((DateTime.UtcNow - _start).TotalSeconds, 0.001);
        var bytes = _progress.Bytes;
        var percent = _totalBytes > 0 ? $" {Math.Min(100.0, 100.0 * bytes / _totalBytes):F0}%" : "";
        var line = $"rosetta:{percent} {Format.Bytes(bytes)}, {_progress.Events:N0} events, {_progress.Events / seconds:N0} events/s  {Path.GetFileName(_progress.CurrentInput)}";
        lock (this)
        {
            Console.Error.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (this)
        {
            if (_width > 0)
            {
                Console.Error.Write("\r" + new string(' ', _width) + "\r");
            }
        }
    }
}
