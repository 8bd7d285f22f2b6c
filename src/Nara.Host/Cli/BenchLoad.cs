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

    /// <summary>
    /// Open-loop load: request i is due at start + i / <paramref name="perSecond"/>, sent then whether or not earlier
    /// ones have answered (as independent agency systems do), and its latency runs from when it was due, not from
    /// when it left. A server that falls behind therefore shows it in the latencies instead of quietly slowing the
    /// callers down (the "coordinated omission" of closed-loop tools). Returns latencies by request number, the
    /// refused count and the seconds from the first due time to the last answer.
    /// </summary>
    public static async Task<(double[] Latencies, int Failures, double Seconds)> FireAtRateAsync(
        HttpClient http, int n, double perSecond, Func<int, HttpRequestMessage> request, Func<HttpResponseMessage, bool> accepted, CancellationToken ct)
    {
        var latencies = new double[n];
        var failures = 0;
        var pending = new Task[n];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / perSecond);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            var index = i;
            pending[i] = Task.Run(
                async () =>
                {
                    using var message = request(index);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    if (!accepted(response))
                    {
                        Interlocked.Increment(ref failures);
                    }
                },
                ct);
        }

        await Task.WhenAll(pending);
        return (latencies, failures, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>
    /// Sends requests like <see cref="FireAsync"/> until <paramref name="duration"/> has passed, uncounted, and returns
    /// how many were sent. A fresh host compiles its hot paths again at higher tiers for a minute or more; measuring
    /// before that has settled times the JIT, not the code.
    /// </summary>
    public static async Task<int> WarmUpAsync(
        HttpClient http, TimeSpan duration, int callers, Func<int, HttpRequestMessage> request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(
            async () =>
            {
                while (clock.Elapsed < duration)
                {
                    using var message = request(Interlocked.Increment(ref sent) - 1);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                }
            },
            ct));
        await Task.WhenAll(workers);
        return sent;
    }

    /// <summary>Reads `--name SECONDS` or `--name=SECONDS` from the bench's extra arguments.</summary>
    public static TimeSpan Seconds(IReadOnlyList<string> args, string name, double fallback) =>
        TimeSpan.FromSeconds(Value(args, name) is { } seconds && seconds >= 0 ? seconds : fallback);

    /// <summary>Reads `--name VALUE` or `--name=VALUE`, a positive number, from the bench's extra arguments.</summary>
    public static double Number(IReadOnlyList<string> args, string name, double fallback) =>
        Value(args, name) is { } value && value > 0 ? value : fallback;

    private static double? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == name && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith(name + "=", StringComparison.Ordinal) ? args[i][(name.Length + 1)..]
                : null;
            if (value is not null && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    public static double Percentile(double[] sorted, int p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, sorted.Length * p / 100)], 1);

    /// <summary>
    /// CPU time this process has used (server and load generator together). CPU ms per request stays comparable
    /// when other work shares the machine, where requests per second do not.
    /// </summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}
