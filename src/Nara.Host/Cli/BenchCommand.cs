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
/// requests through the mediator over real HTTP), "eligibility" (rules-engine determinations per second: per household
/// and column-wise, in memory; then a whole proactive run over seeded residents).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IReadOnlyList<IModule> modules)
    {
        var scenario = new Argument<string>("scenario") { Description = "Which benchmark to run: seed, audit, notifications, services, exchange, eligibility." };
        var n = new Option<int>("--n") { Description = "Size of the run (residents for seed, entries for audit, single sends for notifications).", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("bench", "Run a macro benchmark and print one JSON line.") { scenario, n };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var name = result.GetValue(scenario);
            if (name is not ("seed" or "audit" or "notifications" or "services" or "exchange" or "eligibility"))
            {
                await Console.Error.WriteLineAsync($"Unknown scenario '{name}'. Known: seed, audit, notifications, services, exchange, eligibility.");
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

            if (name == "eligibility")
            {
                // Per-household engine over --n households (default 100,000) and the batch core over --n × 10 residents
                // (in memory), then the whole proactive run over --n residents seeded into the configured database.
                var count = result.GetResult(n) is { Implicit: false } ? result.GetValue(n) : 100_000;
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name, n = count, figures = EligibilityBench.Run(count) }));
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name + "-batch-core", n = count * 10, figures = EligibilityBench.RunBatchCore(count * 10) }));
                var proactive = await EligibilityBench.RunProactiveAsync([.. result.UnmatchedTokens], modules, count, ct);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { scenario = name + "-proactive-run", n = count, figures = proactive }));
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
}
