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
/// bulk request of 50,000 recipients. The load generator shares the machine's cores with the server, and its process
/// too unless `--load-process` starts it as a child process (<see cref="NotificationsLoad"/>).
/// </summary>
internal static class NotificationsBench
{
    private const int BulkRecipients = 50_000;

    public static async Task<object> RunAsync(string[] args, IReadOnlyList<IModule> modules, int n, CancellationToken ct)
    {
        // `--hold-dispatch`: intake alone, nothing delivered (the dispatcher does not run; implies --steady-only).
        var hold = args.Contains("--hold-dispatch");
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
            .. hold ? ["--Nara:Notifications:DispatchInBackground=false"] : Array.Empty<string>(),
        ];
        await using var app = NaraApp.Build(settings, modules);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var key = await RegisterClientAsync(app.Services, ct);

        // `--load-process`: the load generator in a child process, so the CPU figures are the server's own.
        var separate = args.Contains("--load-process");
        using var http = NotificationsLoad.Client(address, key);
        await using NotificationsLoad load = separate ? NotificationsLoad.OutOfProcess.Start(address, key) : new NotificationsLoad.InProcess(http, ownCpu: false);

        // A warm-up (tiered JIT, connection pool, SQLite page cache) that is not counted, then its deliveries.
        var warm = await load.WarmUpAsync(WarmUp(args), ct);
        await WaitForAsync(catcher, hold ? 0 : warm, TimeSpan.FromMinutes(10), ct);

        // The target: N sends offered at a steady rate, each timed from when it was due.
        var rate = BenchLoad.Number(args, "--rate", 2000);
        await Console.Error.WriteLineAsync($"notifications: {n} sends at {rate}/s");
        var before = catcher.Distinct;
        using var meters = new BenchMeters();
        var cpu = BenchLoad.ProcessCpu();
        var gc = GcFigures.Now();
        var steady = await load.RateAsync(n, rate, ct);
        var steadyCpu = BenchLoad.ProcessCpu() - cpu;
        var steadyGc = GcFigures.Now() - gc;
        var steadyServer = meters.Summary();
        var total = Stopwatch.StartNew();
        var steadyDelivered = await WaitForAsync(catcher, before + (hold ? 0 : n), TimeSpan.FromMinutes(10), ct);

        // The capacity: N sends from many callers, each sending again as soon as it is answered
        // (`--steady-only` skips it and the bulk request, for quicker experiments on the steady phase).
        var steadyOnly = hold || args.Contains("--steady-only");
        await Console.Error.WriteLineAsync($"notifications: {(steadyOnly ? 0 : n)} sends from {NotificationsLoad.Callers} callers");
        before = catcher.Distinct;
        total.Restart();
        cpu = BenchLoad.ProcessCpu();
        var capacity = steadyOnly ? new LoadPhase(0, 0, 0, 0, 0, 0, 0, null) : await load.CallersAsync(n, ct);
        var intakeSeconds = total.Elapsed.TotalSeconds;
        var intakeCpu = BenchLoad.ProcessCpu() - cpu;
        var deliveredAll = await WaitForAsync(catcher, before + (steadyOnly ? 0 : n), TimeSpan.FromMinutes(10), ct) && steadyDelivered;
        var deliverySeconds = total.Elapsed.TotalSeconds;

        var bulk = Stopwatch.StartNew();
        using var bulkResponse = steadyOnly ? null : await http.SendAsync(BulkRequest(), ct);
        bulk.Stop();

        // With --steady-only the capacity and bulk phases did not run: their figures are null, not zeros or n / 0.
        double? Ran(double value) => steadyOnly ? null : value;
        using var process = Process.GetCurrentProcess();
        var result = new
        {
            provider = app.Configuration["Nara:Database:Provider"] ?? "Sqlite",
            loadGenerator = separate ? "own process" : "server's process",
            offeredPerSecond = rate,
            achievedPerSecond = Math.Round(n / steady.Seconds),
            // The server's process: with --load-process without the load generator, which is reported on its own.
            steadyCpuMsPerMessage = Math.Round(steadyCpu.TotalMilliseconds / n, 3),
            steadyClientCpuMsPerMessage = steady.ClientCpuMs is { } steadyClient ? Math.Round(steadyClient / n, 3) : (double?)null,
            steadyP50Ms = steady.P50,
            steadyP95Ms = steady.P95,
            steadyP99Ms = steady.P99,
            steadyMaxMs = steady.Max,
            steadyFailures = steady.Failures,
            steadyGc,
            steadyServer,
            callers = NotificationsLoad.Callers,
            intakePerSecond = Ran(Math.Round(n / intakeSeconds)),
            intakeSeconds = Ran(Math.Round(intakeSeconds, 2)),
            intakeCpuMsPerMessage = Ran(Math.Round(intakeCpu.TotalMilliseconds / n, 3)),
            intakeClientCpuMsPerMessage = capacity.ClientCpuMs is { } intakeClient ? Math.Round(intakeClient / n, 3) : (double?)null,
            p50Ms = Ran(capacity.P50),
            p95Ms = Ran(capacity.P95),
            p99Ms = Ran(capacity.P99),
            maxMs = Ran(capacity.Max),
            failures = capacity.Failures,
            deliveredAll = hold ? (bool?)null : deliveredAll,
            delivered = catcher.Distinct - before,
            duplicatesAtCatcher = catcher.Received - catcher.Distinct,
            deliverySeconds = Ran(Math.Round(deliverySeconds, 2)),
            deliveryPerSecond = Ran(Math.Round((catcher.Distinct - before) / deliverySeconds)),
            bulkRecipients = Ran(BulkRecipients),
            bulkStatus = (int?)bulkResponse?.StatusCode,
            bulkSeconds = Ran(Math.Round(bulk.Elapsed.TotalSeconds, 2)),
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

    /// <summary>`--warmup SECONDS` (default 30).</summary>
    private static TimeSpan WarmUp(string[] args) => BenchLoad.Seconds(args, "--warmup", 30);

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
