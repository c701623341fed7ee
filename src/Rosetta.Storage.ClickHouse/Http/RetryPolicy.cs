namespace Rosetta.Storage.ClickHouse.Http;

/// <summary>How often and how long to retry a request ClickHouse could not take for a transient reason: exponential backoff with jitter.</summary>
/// <param name="Attempts">Tries in all, the first included.</param>
/// <param name="FirstDelay">The wait before the second try; each later wait doubles, up to <paramref name="MaxDelay"/>.</param>
/// <param name="MaxDelay">The longest wait between two tries.</param>
public sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Ten tries over about 80 seconds: long enough for a server to restart.</summary>
    public static RetryPolicy Default { get; } = new(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15));

    /// <summary>The wait before try <paramref name="attempt"/> (2 for the first retry), with up to 20% jitter so that writers do not retry in step.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var doubling = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 2));
        var capped = Math.Min(doubling, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds, fails for good, or the tries are spent; <paramref name="retrying"/>
    /// hears of each retry (what failed, the try coming, the wait).
    /// </summary>
    /// <exception cref="ClickHouseException">The last failure, when it is not transient or no try is left.</exception>
    public T Run<T>(Func<int, T> action, Action<ClickHouseException, int, TimeSpan>? retrying, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return action(attempt);
            }
            catch (ClickHouseException e) when (e.Retryable && attempt < Attempts && !cancellation.IsCancellationRequested)
            {
                var delay = DelayBefore(attempt + 1);
                retrying?.Invoke(e, attempt + 1, delay);
                cancellation.WaitHandle.WaitOne(delay);
                cancellation.ThrowIfCancellationRequested();
            }
        }
    }
}
