using System.Diagnostics;

namespace Nara.Host.Cli;

/// <summary>The load generator the HTTP benchmarks share: N requests from concurrent callers, each one timed.</summary>
internal static class BenchLoad
{
    /// <summary>
    /// Sends <paramref name="n"/> requests, <paramref name="callers"/> at a time; returns each one's latency in ms
    /// (by request number) and how many answers <paramref name="accepted"/> refused.
    /// </summary>
    public static async Task<(double[] Latencies, int Failures)> FireAsync(
        HttpClient http, int n, int callers, Func<int, HttpRequestMessage> request, Func<HttpResponseMessage, bool> accepted, CancellationToken ct)
    {
        var latencies = new double[n];
        var failures = 0;
        var next = -1;
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < n)
                {
                    using var message = request(i);
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (!accepted(response))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            },
            ct));
        await Task.WhenAll(workers);
        return (latencies, failures);
    }

    public static double Percentile(double[] sorted, int p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, sorted.Length * p / 100)], 1);

    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}
