using System.Diagnostics;
using Nara.Audit;
using Nara.Audit.Contracts;

namespace Nara.Host.Cli;

/// <summary>
/// `nara bench audit --n N`: appends N entries through IAuditLog with many callers in flight (as a busy
/// platform would), signs a head, then times inclusion and consistency proofs at that size. With --n 0 on an
/// existing data directory it only times the proofs, so a large log is built once and measured again later.
/// </summary>
internal static class AuditBench
{
    private const int InFlight = 8_192;
    private const int Proofs = 2_000;
    private const int WarmUp = 500;

    public static async Task<object> RunAsync(IServiceProvider services, int n, CancellationToken cancellationToken)
    {
        var log = services.GetRequiredService<IAuditLog>();
        var clock = services.GetRequiredService<TimeProvider>();
        var gate = new SemaphoreSlim(InFlight);
        var pending = new List<Task>(InFlight * 2);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await gate.WaitAsync(cancellationToken);
            var entry = new AuditEntry(
                clock.GetUtcNow(),
                AuditActor.Official($"official-{i % 500}", "1100000", "registry-viewer"),
                "resident.view",
                new AuditSubject("resident", (i % 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "bench",
                AuditOutcomes.Success,
                null,
                "Bench",
                new Dictionary<string, string> { ["fields"] = "name,address" });
            pending.Add(log.AppendAsync(entry, cancellationToken).ContinueWith(_ => gate.Release(), TaskScheduler.Default));
            if (pending.Count >= InFlight * 2)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending);
        stopwatch.Stop();
        var appendSeconds = stopwatch.Elapsed.TotalSeconds;

        var size = await AuditTools.SignTreeHeadAsync(services, cancellationToken);

        // Proofs are timed on a settled log, as a verifier meets it: the burst's garbage collected and its
        // write-ahead log checkpointed, so the figures are the proofs' own, not the aftermath of the appends.
        await AuditTools.CheckpointAsync(services, cancellationToken);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        // Uncounted warm-up: the first proofs pay for JIT compilation and for SQLite's first page reads, which a
        // running server paid long ago; a verifier's request meets the warm path.
        var warm = new Random(7);
        for (var i = 0; i < WarmUp && size > 1; i++)
        {
            await AuditTools.ProveInclusionAsync(services, warm.NextInt64(size), size, cancellationToken);
            await AuditTools.ProveConsistencyAsync(services, 1 + warm.NextInt64(size - 1), size, cancellationToken);
        }

        var random = new Random(20_251);
        var inclusion = await TimeAsync(() => AuditTools.ProveInclusionAsync(services, random.NextInt64(size), size, cancellationToken));
        var consistency = await TimeAsync(() => AuditTools.ProveConsistencyAsync(services, 1 + random.NextInt64(size), size, cancellationToken));
        return new
        {
            treeSize = size,
            appendSeconds = Math.Round(appendSeconds, 2),
            appendsPerSecond = n == 0 ? 0 : Math.Round(n / appendSeconds),
            inclusionProofMs = inclusion,
            consistencyProofMs = consistency,
        };
    }

    /// <summary>Each proof in its own scope, as a request would be; reports p50 and p99 in milliseconds.</summary>
    private static async Task<object> TimeAsync(Func<Task> prove)
    {
        var samples = new double[Proofs];
        for (var i = 0; i < Proofs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await prove();

            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new { p50 = Math.Round(samples[Proofs / 2], 3), p99 = Math.Round(samples[Proofs * 99 / 100], 3), mean = Math.Round(samples.Average(), 3) };
    }
}
