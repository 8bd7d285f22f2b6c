using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nara.Host.Composition;
using Nara.Kernel.Modules;
using Nara.Services.Contracts;

namespace Nara.Host.Cli;

/// <summary>
/// `nara bench services --n N`: starts the real host on loopback (Kestrel, real HTTP) and fetches service
/// pages (/services/{slug}, every slug in turn) and catalogue searches (/services?q=…, Korean and English,
/// with typos) from many concurrent callers, N requests each, then N application submissions through the
/// Registration API (<see cref="ServicesSubmitBench"/>). Reports req/s, latency percentiles and CPU ms per request (server and load generator together: this process) per scenario. The load generator shares the machine's cores with the server, so figures are a floor.
/// </summary>
internal static class ServicesBench
{
    private const int Callers = 64;

    private static readonly string[] Queries =
    [
        "부모급여", "부모 급어", "청년월세", "기초연굼", "여권", "전입신고", "passport", "pasport", "parental benfit", "unemployment benefits",
    ];

    public static async Task<object> RunAsync(string[] args, IReadOnlyList<IModule> modules, int n, CancellationToken ct)
    {
        string[] settings = [.. args, "--urls=http://127.0.0.1:0", "--Nara:Seed:OnStart=true", "--Nara:Seed:Residents=200", "--Logging:LogLevel:Default=Warning"];
        await using var app = NaraApp.Build(settings, modules);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var slugs = app.Services.GetRequiredService<IServiceCatalogue>().All().Select(s => s.Slug).ToArray();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Callers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(1) };

        string Page(int i) => "/services/" + slugs[i % slugs.Length];
        string Search(int i) => "/services?q=" + Uri.EscapeDataString(Queries[i % Queries.Length]);

        // Warm-up (tiered JIT, Razor compilation, connection pool), not counted: `--warmup SECONDS` each (default 15).
        var warmUp = BenchLoad.Seconds(args, "--warmup", 15);
        await BenchLoad.WarmUpAsync(http, warmUp, Callers, i => Get(Page(i)), ct);
        await BenchLoad.WarmUpAsync(http, warmUp, Callers, i => Get(Search(i)), ct);

        var pages = await FireAsync(http, Page, n, ct);
        var searches = await FireAsync(http, Search, n, ct);
        var submissions = await ServicesSubmitBench.RunAsync(app.Services, new Uri(address), Callers, n, warmUp, ct);
        using var process = Process.GetCurrentProcess();
        var result = new
        {
            callers = Callers,
            services = slugs.Length,
            servicePage = pages,
            search = searches,
            submission = submissions,
            peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024),
            loadAverage = BenchLoad.LoadAverage(),
        };
        await app.StopAsync(CancellationToken.None);
        return result;
    }

    private static async Task<object> FireAsync(HttpClient http, Func<int, string> path, int n, CancellationToken ct)
    {
        var cpu = BenchLoad.ProcessCpu();
        var clock = Stopwatch.StartNew();
        var (latencies, failures) = await BenchLoad.FireAsync(http, n, Callers, i => Get(path(i)), r => r.StatusCode == HttpStatusCode.OK, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuUsed = BenchLoad.ProcessCpu() - cpu;
        Array.Sort(latencies);
        return new
        {
            n,
            requestsPerSecond = Math.Round(n / seconds),
            cpuMsPerRequest = Math.Round(cpuUsed.TotalMilliseconds / n, 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            failures,
        };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));
}
