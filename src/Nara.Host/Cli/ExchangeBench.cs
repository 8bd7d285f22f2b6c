using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Nara.Audit.Contracts;
using Nara.Consent.Contracts;
using Nara.Exchange.Contracts;
using Nara.Host.Composition;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Registries.Contracts;

namespace Nara.Host.Cli;

/// <summary>
/// `nara bench exchange --n N`: starts the real host on loopback (Kestrel, real database, demo data seeded), and
/// sends N consent-checked requests through the mediator as the demo NHIS system (API key from the seeded key
/// file) from many concurrent callers: each is authenticated, authorised, consent-verified (chain and signature),
/// answered from the registries, signed and logged (durably, with its Audit event) before it returns.
/// </summary>
internal static class ExchangeBench
{
    private const int Callers = 64;
    private const string Client = "KR/GOV/NHIS/benefits";

    public static async Task<object> RunAsync(string[] args, IReadOnlyList<IModule> modules, int n, CancellationToken ct)
    {
        string[] settings = [.. args, "--urls=http://127.0.0.1:0", "--Nara:Seed:OnStart=true", "--Nara:Seed:Residents=200", "--Logging:LogLevel:Default=Warning"];
        await using var app = NaraApp.Build(settings, modules);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var key = ReadDemoKey(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory);
        var subjects = await SubjectsAsync(app.Services, ct);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Callers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        // Warm-up (tiered JIT, pools, page cache), uncounted: `--warmup SECONDS`, default 30.
        await BenchLoad.WarmUpAsync(http, BenchLoad.Seconds(args, "--warmup", 30), Callers, i => Request(subjects, i), ct);
        var total = Stopwatch.StartNew();
        var cpu = BenchLoad.ProcessCpu();
        var (latencies, failures) = await FireAsync(http, subjects, n, ct);
        var seconds = total.Elapsed.TotalSeconds;
        var cpuUsed = BenchLoad.ProcessCpu() - cpu;
        var (auditLag, cpuWithAudit) = await AuditCatchUpAsync(app.Services, http, subjects, n, ct);
        cpuWithAudit -= cpu;
        Array.Sort(latencies);
        using var process = Process.GetCurrentProcess();
        var result = new
        {
            provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite",
            callers = Callers,
            exchangesPerSecond = Math.Round(n / seconds),
            seconds = Math.Round(seconds, 2),
            cpuMsPerExchange = Math.Round(cpuUsed.TotalMilliseconds / n, 3),
            auditLagMs = Math.Round(auditLag.TotalMilliseconds),
            cpuMsPerExchangeWithAudit = Math.Round(cpuWithAudit.TotalMilliseconds / n, 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p95Ms = BenchLoad.Percentile(latencies, 95),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            maxMs = Math.Round(latencies[^1], 1),
            failures,
            peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024),
            loadAverage = BenchLoad.LoadAverage(),
        };
        await app.StopAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// Each answer leaves once its access-log row and outbox event are durable; Audit appends the entry after that.
    /// So that a backlog cannot hide outside the measured window, one more exchange is sent after the last answer
    /// and waited for in Audit (the outbox delivers in order of occurrence, so every earlier one is in by then):
    /// returns how long after the last answer that took, and the process CPU at that point.
    /// </summary>
    private static async Task<(TimeSpan Lag, TimeSpan Cpu)> AuditCatchUpAsync(IServiceProvider services, HttpClient http, (string Number, Guid Consent)[] subjects, int n, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        using var marker = await http.SendAsync(Request(subjects, n), ct);
        var exchangeId = Guid.Parse(marker.Headers.GetValues("X-Nara-Exchange-Id").First());
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await using var scope = services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync([exchangeId], ct);
            if (found.Count > 0)
            {
                return (waited.Elapsed, BenchLoad.ProcessCpu());
            }

            await Task.Delay(5, ct);
        }

        throw new InvalidOperationException("Audit did not record the exchanges within 2 minutes of the last answer.");
    }

    /// <summary>The demo personas with a prefill consent the seed gave: (resident registration number, consent id).</summary>
    private static async Task<(string Number, Guid Consent)[]> SubjectsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var residents = scope.ServiceProvider.GetRequiredService<IResidentDirectory>();
        var consents = scope.ServiceProvider.GetRequiredService<IConsentVerifier>();
        var found = new List<(string, Guid)>();
        foreach (var persona in new[] { DemoPersonas.MotherOfNewborn, DemoPersonas.SingleParent, DemoPersonas.ElderlyAlone })
        {
            if (await residents.FindByResidentNumberAsync(persona.ResidentNumber, ct) is { } r
                && await consents.FindActiveConsentAsync(r.Id.ToString(CultureInfo.InvariantCulture), DemoDataAgreements.ResidentRegistration, ct) is { } consent)
            {
                found.Add((persona.ResidentNumber, consent));
            }
        }

        return found.Count > 0 ? [.. found] : throw new InvalidOperationException("No demo persona has a prefill consent: run on a fresh --Nara:Database:DataDirectory.");
    }

    private static string ReadDemoKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "demo-agency-keys.txt");
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(Client + "\t", StringComparison.Ordinal)) : null;
        return line?.Split('\t')[^1] ?? throw new InvalidOperationException($"No demo key for {Client} in {path}: run on a fresh --Nara:Database:DataDirectory.");
    }

    /// <summary>N consent-checked requests, <see cref="Callers"/> at a time; accepted when answered 200 with the mediator's signature.</summary>
    private static Task<(double[] Latencies, int Failures)> FireAsync(HttpClient http, (string Number, Guid Consent)[] subjects, int n, CancellationToken ct) =>
        BenchLoad.FireAsync(http, n, Callers, i => Request(subjects, i), r => r.StatusCode == HttpStatusCode.OK && r.Headers.Contains("X-Nara-Signature"), ct);

    private static HttpRequestMessage Request((string Number, Guid Consent)[] subjects, int i)
    {
        var (number, consent) = subjects[i % subjects.Length];
        var request = new HttpRequestMessage(HttpMethod.Get, "/r1/" + RegistryExchangeServices.ResidentRegistration);
        request.Headers.Add("X-Road-Client", Client);
        request.Headers.Add("X-Road-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Road-Issue", "BENCH-" + i.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Nara-Purpose", DemoDataAgreements.PrefillPurpose);
        request.Headers.Add("X-Nara-Subject", number);
        request.Headers.Add("X-Nara-Consent-Id", consent.ToString());
        request.Headers.Add("X-Nara-Attributes", "name,birth-date");
        return request;
    }
}
