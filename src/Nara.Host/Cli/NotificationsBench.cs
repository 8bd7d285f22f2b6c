using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nara.Host.Composition;
using Nara.Identity.Contracts;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// `nara bench notifications --n N`: starts the real host on loopback (Kestrel, real HTTP, real database)
/// with its email going to an in-process SMTP catcher, registers a live agency client, fires N single
/// sends from many concurrent callers and times each, waits until the catcher holds all N, then sends one
/// bulk request of 50,000 recipients. The load generator shares the machine's cores with the server.
/// </summary>
internal static class NotificationsBench
{
    private const int Callers = 64;
    private const int BulkRecipients = 50_000;

    public static async Task<object> RunAsync(string[] args, IReadOnlyList<IModule> modules, int n, CancellationToken ct)
    {
        await using var catcher = new BenchSmtpCatcher();
        catcher.Start();
        string[] settings =
        [
            .. args,
            "--urls=http://127.0.0.1:0",
            "--Nara:Seed:OnStart=false",
            "--Logging:LogLevel:Default=Warning",
            "--Nara:Notifications:Smtp:Host=127.0.0.1",
            $"--Nara:Notifications:Smtp:Port={catcher.Port.ToString(CultureInfo.InvariantCulture)}",
            // The rate limit and the daily cap are policies, not capacity: lifted so the bench measures capacity.
            "--Nara:Notifications:RequestsPerSecond=1000000",
            "--Nara:Notifications:Burst=1000000",
            "--Nara:Notifications:DailyCap=100000000",
        ];
        await using var app = NaraApp.Build(settings, modules);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var key = await RegisterClientAsync(app.Services, ct);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        // A warm-up (tiered JIT, connection pool, SQLite page cache) that is not counted, then its deliveries.
        var warm = await BenchLoad.WarmUpAsync(http, WarmUp(args), Callers, i => SingleRequest("warm", i), ct);
        await WaitForAsync(catcher, warm, TimeSpan.FromMinutes(10), ct);

        // The target: N sends offered at a steady rate, each timed from when it was due.
        var rate = BenchLoad.Number(args, "--rate", 2000);
        await Console.Error.WriteLineAsync($"notifications: {n} sends at {rate}/s");
        var before = catcher.Distinct;
        var cpu = BenchLoad.ProcessCpu();
        var (steady, steadyFailures, steadySeconds) = await BenchLoad.FireAtRateAsync(http, n, rate, i => SingleRequest("rate", i), Created, ct);
        var steadyCpu = BenchLoad.ProcessCpu() - cpu;
        var total = Stopwatch.StartNew();
        var steadyDelivered = await WaitForAsync(catcher, before + n, TimeSpan.FromMinutes(10), ct);

        // The capacity: N sends from many callers, each sending again as soon as it is answered.
        await Console.Error.WriteLineAsync($"notifications: {n} sends from {Callers} callers");
        before = catcher.Distinct;
        total.Restart();
        cpu = BenchLoad.ProcessCpu();
        var (latencies, failures) = await FireAsync(http, "run", n, ct);
        var intakeSeconds = total.Elapsed.TotalSeconds;
        var intakeCpu = BenchLoad.ProcessCpu() - cpu;
        var deliveredAll = await WaitForAsync(catcher, before + n, TimeSpan.FromMinutes(10), ct) && steadyDelivered;
        var deliverySeconds = total.Elapsed.TotalSeconds;

        var bulk = Stopwatch.StartNew();
        using var bulkResponse = await http.SendAsync(BulkRequest(), ct);
        bulk.Stop();

        Array.Sort(steady);
        Array.Sort(latencies);
        using var process = Process.GetCurrentProcess();
        var result = new
        {
            provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite",
            offeredPerSecond = rate,
            achievedPerSecond = Math.Round(n / steadySeconds),
            steadyCpuMsPerMessage = Math.Round(steadyCpu.TotalMilliseconds / n, 3),
            steadyP50Ms = BenchLoad.Percentile(steady, 50),
            steadyP95Ms = BenchLoad.Percentile(steady, 95),
            steadyP99Ms = BenchLoad.Percentile(steady, 99),
            steadyMaxMs = Math.Round(steady[^1], 1),
            steadyFailures,
            callers = Callers,
            intakePerSecond = Math.Round(n / intakeSeconds),
            intakeSeconds = Math.Round(intakeSeconds, 2),
            intakeCpuMsPerMessage = Math.Round(intakeCpu.TotalMilliseconds / n, 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p95Ms = BenchLoad.Percentile(latencies, 95),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            maxMs = Math.Round(latencies[^1], 1),
            failures,
            deliveredAll,
            delivered = catcher.Distinct - before,
            duplicatesAtCatcher = catcher.Received - catcher.Distinct,
            deliverySeconds = Math.Round(deliverySeconds, 2),
            deliveryPerSecond = Math.Round((catcher.Distinct - before) / deliverySeconds),
            bulkRecipients = BulkRecipients,
            bulkStatus = (int)bulkResponse.StatusCode,
            bulkSeconds = Math.Round(bulk.Elapsed.TotalSeconds, 2),
            peakRssMiB = process.PeakWorkingSet64 / (1024 * 1024),
            loadAverage = BenchLoad.LoadAverage(),
        };
        await app.StopAsync(CancellationToken.None);
        return result;
    }

    private static async Task<string> RegisterClientAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var id = $"KR/GOV/NHIS/bench-{Guid.NewGuid():N}"[..32];
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, "NHIS", "Notifications bench", ["notifications:send"]), ct);
        return registration.Succeeded ? registration.Key! : throw new InvalidOperationException(registration.Error);
    }

    /// <summary>N single sends, <see cref="Callers"/> at a time; a send is accepted when it answers 201.</summary>
    private static Task<(double[] Latencies, int Failures)> FireAsync(HttpClient http, string prefix, int n, CancellationToken ct) =>
        BenchLoad.FireAsync(http, n, Callers, i => SingleRequest(prefix, i), Created, ct);

    private static bool Created(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Created;

    private static HttpRequestMessage SingleRequest(string prefix, int i) => new(HttpMethod.Post, "/api/notifications/messages")
    {
        Content = new StringContent(SingleBody(prefix, i), Encoding.UTF8, "application/json"),
    };

    /// <summary>`--warmup SECONDS` (default 30).</summary>
    private static TimeSpan WarmUp(string[] args) => BenchLoad.Seconds(args, "--warmup", 30);

    private static string SingleBody(string prefix, int i) =>
        "{\"templateId\":\"govstack.email\",\"recipient\":{\"email\":\"" + prefix + i.ToString(CultureInfo.InvariantCulture) + "@example.kr\"},"
        + "\"personalisation\":{\"title\":\"건강검진 안내\",\"content\":\"" + i.ToString(CultureInfo.InvariantCulture) + "번 대상자님, 올해 건강검진 대상입니다.\"},"
        + "\"idempotencyKey\":\"" + prefix + "-" + Guid.NewGuid().ToString("N") + "\"}";

    private static HttpRequestMessage BulkRequest()
    {
        var json = new StringBuilder(BulkRecipients * 110).Append('[');
        for (var i = 0; i < BulkRecipients; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"email\":\"bulk").Append(i).Append("@example.kr\",\"personalisation\":{\"title\":\"안내\",\"content\":\"대상자 ").Append(i).Append("\"}}");
        }

        return new HttpRequestMessage(HttpMethod.Post, "/api/notifications/bulk?templateId=govstack.email&channel=email")
        {
            Content = new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", $"bench-bulk-{Guid.NewGuid():N}" } },
        };
    }

    private static async Task<bool> WaitForAsync(BenchSmtpCatcher catcher, int count, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (catcher.Distinct < count)
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(10, ct);
        }

        return true;
    }


}
