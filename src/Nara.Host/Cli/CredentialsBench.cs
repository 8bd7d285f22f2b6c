using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nara.Credentials;
using Nara.Host.Composition;
using Nara.Kernel.Modules;
using Nara.Registries.Contracts;

namespace Nara.Host.Cli;

/// <summary>
/// `nara bench credentials --n N`: starts the real host on loopback (Kestrel, real database, demo data seeded) and
/// measures (1) the in-process issuer: whole mobile-ID issuances (registry reads, random status entry, ES256 signature,
/// record and outbox in one transaction) from concurrent callers; (2) the signature alone, no database, on all cores;
/// (3) verification over HTTP: <c>POST /api/credentials/verify</c> with key binding (issuer signature, KB-JWT
/// signature, disclosures, status) from concurrent callers. Issuance over HTTP needs a signed-in citizen session,
/// which a bench cannot get without a passkey (demo sign-in lists seeded officials only), so it is measured in-process.
/// </summary>
internal static class CredentialsBench
{
    private const int Callers = 32;
    private const string Audience = "https://shop.example";

    public static async Task<object> RunAsync(string[] args, IReadOnlyList<IModule> modules, int n, CancellationToken ct)
    {
        // The bench verifies from one address far faster than the per-address limit allows (it measures the verifier,
        // not the limit): off unless the arguments set it.
        string[] settings = ["--Nara:Credentials:VerificationsPerMinute=0", .. args, "--urls=http://127.0.0.1:0", "--Nara:Seed:OnStart=true", "--Nara:Seed:Residents=200", "--Logging:LogLevel:Default=Warning"];
        await using var app = NaraApp.Build(settings, modules);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var residents = await ResidentsAsync(app.Services, ct);
        using var holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var warmUp = BenchLoad.Seconds(args, "--warmup", 10);

        // The status list has 131,072 entries: warm-up (about a minute at most) and run together stay under it.
        var issueN = Math.Min(n, 20_000);
        // Warm-up by time, not count: the runtime moves hot code to its optimised tier only after it has run a while, and on a
        // slow machine a fixed count ended before that (measured: 4.0 CPU ms per issuance with warm-up tier-0 code, 2.6 without).
        var warming = Stopwatch.StartNew();
        do
        {
            await IssueInProcessAsync(app.Services, residents, holder, address, 500, ct);
        }
        while (warming.Elapsed < warmUp);

        await BenchOutbox.WaitDrainedAsync(app.Services, TimeSpan.FromMinutes(5), ct);
        var cpu = BenchLoad.ProcessCpu();
        var issuing = await IssueInProcessAsync(app.Services, residents, holder, address, issueN, ct);

        // Audit appends each CredentialIssued after the answer; waited for, so the verification phases do not share the
        // CPU with it (a verifier runs elsewhere) and the issuance's whole cost can be reported.
        var auditLag = await BenchOutbox.WaitDrainedAsync(app.Services, TimeSpan.FromMinutes(5), ct);
        var cpuWithAudit = BenchLoad.ProcessCpu() - cpu;

        CredentialsTools.TimeSigningOnly(2_000, holder);
        var signStart = Stopwatch.StartNew();
        var signing = CredentialsTools.TimeSigningOnly(n, holder);
        var signSeconds = signStart.Elapsed.TotalSeconds;
        Array.Sort(signing);

        var presentations = await PresentationsAsync(app.Services, residents, holder, address, ct);
        var verifyingOffline = await VerifyOfflineAsync(address, presentations, n, ct);
        var verifying = await VerifyOverHttpAsync(presentations, address, n, warmUp, ct);
        await app.StopAsync(CancellationToken.None);
        return new
        {
            provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite",
            cores = Environment.ProcessorCount,
            issueInProcess = issuing,
            issueAuditLagMs = Math.Round(auditLag.TotalMilliseconds),
            cpuMsPerIssueWithAudit = Math.Round(cpuWithAudit.TotalMilliseconds / issueN, 3),
            signOnly = new
            {
                n,
                signedPerSecond = Math.Round(n / signSeconds),
                p50Ms = BenchLoad.Percentile(signing, 50),
                p95Ms = BenchLoad.Percentile(signing, 95),
                p99Ms = BenchLoad.Percentile(signing, 99),
            },
            verifyOffline = verifyingOffline,
            verifyHttp = verifying,
            loadAverage = BenchLoad.LoadAverage(),
        };
    }

    private static async Task<object> IssueInProcessAsync(IServiceProvider services, long[] residents, ECDsa holder, string issuer, int n, CancellationToken ct)
    {
        var latencies = new double[n];
        var failures = 0;
        var next = -1;
        var cpu = BenchLoad.ProcessCpu();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < n)
                {
                    var start = Stopwatch.GetTimestamp();
                    var issued = await CredentialsTools.IssueMobileIdAsync(services, residents[i % residents.Length], holder, issuer, ct);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (issued is null)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            },
            ct)));
        var seconds = total.Elapsed.TotalSeconds;
        var cpuUsed = BenchLoad.ProcessCpu() - cpu;
        Array.Sort(latencies);
        return new
        {
            n,
            callers = Callers,
            issuedPerSecond = Math.Round(n / seconds),
            cpuMsPerIssue = Math.Round(cpuUsed.TotalMilliseconds / Math.Max(1, n), 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p95Ms = BenchLoad.Percentile(latencies, 95),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            failures,
        };
    }

    /// <summary>64 distinct credentials, each presented once with a KB-JWT (aud and nonce the verifier checks); iat is now, well within 5 minutes.</summary>
    private static async Task<string[]> PresentationsAsync(IServiceProvider services, long[] residents, ECDsa holder, string address, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var presentations = new string[64];
        for (var i = 0; i < presentations.Length; i++)
        {
            var issued = await CredentialsTools.IssueMobileIdAsync(services, residents[i % residents.Length], holder, address, ct)
                ?? throw new InvalidOperationException("Could not issue the bench's credentials.");
            presentations[i] = CredentialsTools.Present(issued, ["age_over_19", "resident_of"], holder, Audience, "bench-nonce", now);
        }

        return presentations;
    }

    /// <summary>
    /// Verification as a verifier elsewhere embeds it (the design point of issue #8: no call to the issuer per check):
    /// the JWKS and the status list token fetched once over HTTP, then every check in-process on all cores.
    /// </summary>
    private static async Task<object> VerifyOfflineAsync(string address, string[] presentations, int n, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var jwks = await http.GetStringAsync(new Uri("/api/credentials/jwks", UriKind.Relative), ct);
        var listUri = address.TrimEnd('/') + "/api/credentials/status/1";
        var token = await http.GetStringAsync(new Uri(listUri), ct);
        CredentialsTools.TimeVerifyingOffline(jwks, listUri, token, presentations, Audience, "bench-nonce", Math.Min(n, 5_000));
        var cpu = BenchLoad.ProcessCpu();
        var total = Stopwatch.StartNew();
        var (latencies, failures) = CredentialsTools.TimeVerifyingOffline(jwks, listUri, token, presentations, Audience, "bench-nonce", n);
        var seconds = total.Elapsed.TotalSeconds;
        var cpuUsed = BenchLoad.ProcessCpu() - cpu;
        Array.Sort(latencies);
        return new
        {
            n,
            threads = Environment.ProcessorCount,
            verifiedPerSecond = Math.Round(n / seconds),
            cpuMsPerVerify = Math.Round(cpuUsed.TotalMilliseconds / n, 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p95Ms = BenchLoad.Percentile(latencies, 95),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            failures,
        };
    }

    private static async Task<object> VerifyOverHttpAsync(string[] presentations, string address, int n, TimeSpan warmUp, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Callers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        HttpRequestMessage Request(int i) => new(HttpMethod.Post, new Uri("/api/credentials/verify", UriKind.Relative))
        {
            Content = JsonContent.Create(new { presentation = presentations[i % presentations.Length], audience = Audience, nonce = "bench-nonce" }),
        };

        await BenchLoad.WarmUpAsync(http, warmUp, Callers, Request, ct);
        var cpu = BenchLoad.ProcessCpu();
        var total = Stopwatch.StartNew();
        var (latencies, failures) = await BenchLoad.FireAsync(http, n, Callers, Request, r => r.StatusCode == HttpStatusCode.OK, ct);
        var seconds = total.Elapsed.TotalSeconds;
        var cpuUsed = BenchLoad.ProcessCpu() - cpu;
        Array.Sort(latencies);
        return new
        {
            n,
            callers = Callers,
            verifiedPerSecond = Math.Round(n / seconds),
            cpuMsPerVerify = Math.Round(cpuUsed.TotalMilliseconds / n, 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p95Ms = BenchLoad.Percentile(latencies, 95),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            failures,
        };
    }

    private static async Task<long[]> ResidentsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IResidentDirectory>();
        var found = new List<long>();
        foreach (var persona in new[] { DemoPersonas.MotherOfNewborn, DemoPersonas.FatherOfNewborn, DemoPersonas.SingleParent, DemoPersonas.YoungJobseeker, DemoPersonas.ElderlyAlone })
        {
            if (await directory.FindByResidentNumberAsync(persona.ResidentNumber, ct) is { } r)
            {
                found.Add(r.Id);
            }
        }

        return found.Count > 0 ? [.. found] : throw new InvalidOperationException("No demo persona in the registry: the bench seeds them (Nara:Seed:OnStart).");
    }
}
