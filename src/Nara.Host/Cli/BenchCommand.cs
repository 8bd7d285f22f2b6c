using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// Macro benchmarks over a whole pipeline; prints one JSON line (docs/performance.md records them).
/// Scenarios: "seed" (synthetic population generation into the configured database), "audit" (appends/s
/// into the audit log and proof latency at that size), "notifications" (API intake and email delivery over
/// real HTTP to an SMTP catcher), "services" (service pages and catalogue searches over real HTTP), "exchange" (consent-checked, signed, logged
/// requests through the mediator over real HTTP), "eligibility" (batch-core determinations per second in memory, one-household
/// /trace latency over HTTP, whole proactive runs over seeded residents with time, CPU and memory, the results writer's rows/s), "credentials"
/// (mobile-ID issuance in-process, the signature alone, and verification with key binding over real HTTP).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var scenario = new Argument<string>("scenario") { Description = "Which benchmark to run: seed, audit, notifications, services, exchange, eligibility, credentials." };
        var n = new Option<int>("--n") { Description = "Size of the run (residents for seed, entries for audit, single sends for notifications).", DefaultValueFactory = _ => 1_000_000 };
        var only = new Option<string?>("--only") { Description = "eligibility: run one part only (core, household, trace, run)." };
        var seeded = new Option<bool>("--seeded") { Description = "eligibility run: the data directory already holds the --n seeded residents (e.g. a copy of one `nara seed` filled); do not seed." };
        var command = new Command("bench", "Run a macro benchmark and print one JSON line.") { scenario, n, only, seeded };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var name = result.GetValue(scenario);
            if (name == "notifications-load")
            {
                // The child that `bench notifications --load-process` starts: the load generator alone, no host.
                return await NotificationsLoad.ServeChildAsync(ct);
            }

            if (name is not ("seed" or "audit" or "notifications" or "services" or "exchange" or "eligibility" or "credentials"))
            {
                await Console.Error.WriteLineAsync($"Unknown scenario '{name}'. Known: seed, audit, notifications, services, exchange, eligibility, credentials.");
                return 2;
            }

            if (name == "notifications")
            {
                // A whole web host of its own (Kestrel on loopback), not the tool host the other scenarios use.
                var count = result.GetValue(n);
                var measured = await NotificationsBench.RunAsync([.. result.UnmatchedTokens], modules, count, ct);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name, n = count, figures = measured }));
                return 0;
            }

            if (name == "exchange")
            {
                // --n's default (a million residents) is far too many requests: 20,000 unless given.
                var count = result.GetResult(n) is { Implicit: false } ? result.GetValue(n) : 20_000;
                var measured = await ExchangeBench.RunAsync([.. result.UnmatchedTokens], modules, count, ct);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name, n = count, figures = measured }));
                return 0;
            }

            if (name == "credentials")
            {
                // --n's default (a million residents) is far too many: 20,000 unless given (issuance capped there by the status list's size).
                var count = result.GetResult(n) is { Implicit: false } ? result.GetValue(n) : 20_000;
                var measured = await CredentialsBench.RunAsync([.. result.UnmatchedTokens], modules, count, ct);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name, n = count, figures = measured }));
                return 0;
            }

            if (name == "eligibility")
            {
                // The three figures of the Eligibility issue, over --n residents (default 1,000,000): the batch core in memory,
                // one-household /trace over HTTP, and whole proactive runs over --n seeded residents (plus the per-household
                // engine over up to 20,000 households and the results writer alone). One JSON line each.
                // --only runs one part (seeding a million residents is slow: `--only run --seeded` over a copy of a seeded directory).
                var count = result.GetValue(n);
                var part = result.GetValue(only);
                if (part is not (null or "core" or "household" or "trace" or "run"))
                {
                    await Console.Error.WriteLineAsync($"Unknown part '{part}'. Known: core, household, trace, run.");
                    return 2;
                }

                if (part is null or "core")
                {
                    await EligibilityLineAsync("eligibility-batch-core", count, EligibilityBench.RunBatchCore(count));
                }

                if (part is null or "household")
                {
                    await EligibilityLineAsync("eligibility-per-household-engine", Math.Min(count, 20_000), EligibilityBench.Run(Math.Min(count, 20_000)));
                }

                if (part is null or "trace")
                {
                    // /calculate (the engine and the filled situation) and /trace (plus every intermediate value and the
                    // explanations) on the same household and host: the difference is the cost of the trace.
                    foreach (var (traceLine, figures) in await EligibilityTraceBench.RunAsync([.. result.UnmatchedTokens], modules, 2_000, ct))
                    {
                        await EligibilityLineAsync(traceLine, 2_000, figures);
                    }
                }

                if (part is null or "run")
                {
                    await EligibilityLineAsync("eligibility-proactive-run", count,
                        await EligibilityBench.RunProactiveAsync([.. result.UnmatchedTokens], modules, count, result.GetValue(seeded), ct));
                }

                return 0;
            }

            if (name == "services")
            {
                // --n's default (a million residents) is far too many page fetches: 20,000 per scenario unless given.
                var count = result.GetResult(n) is { Implicit: false } ? result.GetValue(n) : 20_000;
                var measured = await ServicesBench.RunAsync([.. result.UnmatchedTokens], modules, count, ct);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name, n = count, figures = measured }));
                return 0;
            }

            await using var app = NaraCli.BuildTool([.. result.UnmatchedTokens], modules);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var size = result.GetValue(n);
            if (name == "audit")
            {
                var figures = await AuditBench.RunAsync(app.Services, size, ct);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name, n = size, provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite", figures }));
                return 0;
            }

            var stopwatch = Stopwatch.StartNew();
            await modules[0].SeedAsync(app.Services, new SeedRequest(size, 20_251, OnlyIfEmpty: false), ct);
            stopwatch.Stop();
            using var process = Process.GetCurrentProcess();
            var line = JsonSerializer.Serialize(new
            {
                scenario = name,
                n = size,
                seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 2),
                throughput = Math.Round(size / stopwatch.Elapsed.TotalSeconds),
                peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024),
                provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite",
            });
            await Console.Out.WriteLineAsync(line);
            return 0;
        });
        return command;
    }

    private static Task EligibilityLineAsync(string scenario, int n, object figures) =>
        Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            scenario,
            n,
            loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null,
            figures,
        }));
}
