using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Nara.Host.Cli;

/// <summary>What one measured phase of the notifications bench saw at the client.</summary>
/// <param name="ClientCpuMs">CPU of the load generator alone; null when it shares the server's process.</param>
internal sealed record LoadPhase(int N, int Failures, double Seconds, double P50, double P95, double P99, double Max, double? ClientCpuMs)
{
    public static LoadPhase From(double[] latencies, int failures, double seconds, double? clientCpuMs)
    {
        Array.Sort(latencies);
        return new LoadPhase(
            latencies.Length, failures, seconds,
            BenchLoad.Percentile(latencies, 50), BenchLoad.Percentile(latencies, 95), BenchLoad.Percentile(latencies, 99),
            latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 1), clientCpuMs);
    }
}

/// <summary>
/// The notifications bench's load generator: single sends to `/api/notifications/messages`, each with its own
/// idempotency key. Runs either in the server's process (<see cref="InProcess"/>, its CPU then counts as the
/// server's) or in a child process of its own (<see cref="OutOfProcess"/>), so the server's CPU and latency can be
/// seen without it.
/// </summary>
internal abstract class NotificationsLoad : IAsyncDisposable
{
    public const int Callers = 64;

    /// <summary>Sends for <paramref name="duration"/> from <see cref="Callers"/> callers, uncounted; returns how many.</summary>
    public abstract Task<int> WarmUpAsync(TimeSpan duration, CancellationToken ct);

    /// <summary>Open loop: <paramref name="n"/> sends offered at <paramref name="rate"/>/s, each timed from when it was due.</summary>
    public abstract Task<LoadPhase> RateAsync(int n, double rate, CancellationToken ct);

    /// <summary>Closed loop: <paramref name="n"/> sends from <see cref="Callers"/> callers.</summary>
    public abstract Task<LoadPhase> CallersAsync(int n, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public static bool Created(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Created;

    public static HttpRequestMessage SingleRequest(string prefix, int i) => new(HttpMethod.Post, "/api/notifications/messages")
    {
        Content = new StringContent(SingleBody(prefix, i), Encoding.UTF8, "application/json"),
    };

    private static string SingleBody(string prefix, int i) =>
        "{\"templateId\":\"govstack.email\",\"recipient\":{\"email\":\"" + prefix + i.ToString(CultureInfo.InvariantCulture) + "@example.kr\"},"
        + "\"personalisation\":{\"title\":\"건강검진 안내\",\"content\":\"" + i.ToString(CultureInfo.InvariantCulture) + "번 대상자님, 올해 건강검진 대상입니다.\"},"
        + "\"idempotencyKey\":\"" + prefix + "-" + Guid.NewGuid().ToString("N") + "\"}";

    /// <summary>An HttpClient for the server at <paramref name="address"/> with the agency key.</summary>
    public static HttpClient Client(string address, string key)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    /// <summary>The load generator in the server's own process (the bench's original mode).</summary>
    public sealed class InProcess(HttpClient http, bool ownCpu) : NotificationsLoad
    {
        private int _phase;

        public override Task<int> WarmUpAsync(TimeSpan duration, CancellationToken ct) =>
            BenchLoad.WarmUpAsync(http, duration, Callers, i => SingleRequest("warm", i), ct);

        public override async Task<LoadPhase> RateAsync(int n, double rate, CancellationToken ct)
        {
            var prefix = $"rate{Interlocked.Increment(ref _phase)}-";
            var cpu = BenchLoad.ProcessCpu();
            var (latencies, failures, seconds) = await BenchLoad.FireAtRateAsync(http, n, rate, i => SingleRequest(prefix, i), Created, ct);
            return LoadPhase.From(latencies, failures, seconds, ownCpu ? (BenchLoad.ProcessCpu() - cpu).TotalMilliseconds : null);
        }

        public override async Task<LoadPhase> CallersAsync(int n, CancellationToken ct)
        {
            var prefix = $"run{Interlocked.Increment(ref _phase)}-";
            var cpu = BenchLoad.ProcessCpu();
            var clock = Stopwatch.StartNew();
            var (latencies, failures) = await BenchLoad.FireAsync(http, n, Callers, i => SingleRequest(prefix, i), Created, ct);
            return LoadPhase.From(latencies, failures, clock.Elapsed.TotalSeconds, ownCpu ? (BenchLoad.ProcessCpu() - cpu).TotalMilliseconds : null);
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// The load generator in a child process (this same binary, `bench notifications-load`), driven over its
    /// standard input and output: one command line in, one JSON line out per phase. Address and key go by
    /// environment variables, not the command line, so the key does not show in the process list.
    /// </summary>
    public sealed class OutOfProcess : NotificationsLoad
    {
        private readonly Process _child;

        private OutOfProcess(Process child) => _child = child;

        public static OutOfProcess Start(string address, string key)
        {
            // `dotnet Nara.Host.dll …` runs the child the same way; an apphost runs itself.
            var host = Environment.ProcessPath ?? "dotnet";
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            start.ArgumentList.Add("bench");
            start.ArgumentList.Add("notifications-load");
            start.Environment[AddressVariable] = address;
            start.Environment[KeyVariable] = key;
            return new OutOfProcess(Process.Start(start) ?? throw new InvalidOperationException("The load generator did not start."));
        }

        public override async Task<int> WarmUpAsync(TimeSpan duration, CancellationToken ct) =>
            (await AskAsync($"warmup {duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}", ct)).N;

        public override Task<LoadPhase> RateAsync(int n, double rate, CancellationToken ct) =>
            AskAsync(FormattableString.Invariant($"rate {n} {rate}"), ct);

        public override Task<LoadPhase> CallersAsync(int n, CancellationToken ct) =>
            AskAsync(FormattableString.Invariant($"callers {n}"), ct);

        private async Task<LoadPhase> AskAsync(string command, CancellationToken ct)
        {
            await _child.StandardInput.WriteLineAsync(command.AsMemory(), ct);
            await _child.StandardInput.FlushAsync(ct);
            var line = await _child.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("The load generator stopped.");
            return JsonSerializer.Deserialize<LoadPhase>(line) ?? throw new InvalidOperationException($"The load generator answered '{line}'.");
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                _child.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _child.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _child.Kill();
            }

            _child.Dispose();
        }
    }

    private const string AddressVariable = "NARA_BENCH_ADDRESS";
    private const string KeyVariable = "NARA_BENCH_KEY";

    /// <summary>
    /// The child's side (`bench notifications-load`): reads "warmup SECONDS", "rate N RATE" or "callers N" lines and
    /// answers each with one <see cref="LoadPhase"/> JSON line, until its input closes.
    /// </summary>
    public static async Task<int> ServeChildAsync(CancellationToken ct)
    {
        var address = Environment.GetEnvironmentVariable(AddressVariable);
        var key = Environment.GetEnvironmentVariable(KeyVariable);
        if (address is null || key is null)
        {
            await Console.Error.WriteLineAsync($"notifications-load is started by `bench notifications --load-process`; it needs {AddressVariable} and {KeyVariable}.");
            return 2;
        }

        using var http = Client(address, key);
        var load = new InProcess(http, ownCpu: true);
        while (await Console.In.ReadLineAsync(ct) is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            LoadPhase phase = words switch
            {
                ["warmup", var seconds] => new LoadPhase(await load.WarmUpAsync(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)), ct), 0, 0, 0, 0, 0, 0, null),
                ["rate", var n, var rate] => await load.RateAsync(int.Parse(n, CultureInfo.InvariantCulture), double.Parse(rate, CultureInfo.InvariantCulture), ct),
                ["callers", var n] => await load.CallersAsync(int.Parse(n, CultureInfo.InvariantCulture), ct),
                _ => throw new InvalidOperationException($"Unknown load command '{line}'."),
            };
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(phase));
            await Console.Out.FlushAsync(ct);
        }

        return 0;
    }
}
