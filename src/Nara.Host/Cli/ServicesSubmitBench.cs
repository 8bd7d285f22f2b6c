using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Nara.Identity.Contracts;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;

namespace Nara.Host.Cli;

/// <summary>
/// The submission half of `nara bench services`: many citizens' parental-benefit applications sent concurrently
/// through the GovStack Registration API (<c>POST /govstack/registration/services/parental-benefit/applications</c>),
/// the real HTTP path an agency system uses, with an API key (scope <c>services:registration</c>). Each request is a
/// new idempotency key (applicants are the seeded demo personas' accounts), so each one writes an application, its case, the case history and the
/// <c>ApplicationSubmitted</c> outbox message in one transaction. The page flow is not used: it needs a signed-in
/// session and an antiforgery token per citizen and several requests per application.
/// </summary>
internal static class ServicesSubmitBench
{
    public const string Path = "/govstack/registration/services/parental-benefit/applications";

    public static async Task<object> RunAsync(IServiceProvider services, Uri address, int callers, int n, TimeSpan warmUp, CancellationToken ct)
    {
        var key = await RegisterClientAsync(services, ct);
        var applicants = await ApplicantsAsync(services, ct);
        var clock = services.GetRequiredService<TimeProvider>();
        // The form only takes a birth within the last two years: date the child from the server's clock.
        var birth = KoreaTime.Today(clock).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var run = Guid.NewGuid().ToString("N")[..8];

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = callers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        HttpRequestMessage Submit(string phase, int i)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = JsonContent.Create(Body(applicants[i % applicants.Length], birth)) };
            message.Headers.Add("Idempotency-Key", $"bench-{run}-{phase}-{i}");
            return message;
        }

        await BenchLoad.WarmUpAsync(http, warmUp, callers, i => Submit("warm", i), ct);
        var cpu = BenchLoad.ProcessCpu();
        var total = Stopwatch.StartNew();
        var (latencies, failures) = await BenchLoad.FireAsync(http, n, callers, i => Submit("run", i), r => r.StatusCode == HttpStatusCode.OK, ct);
        var seconds = total.Elapsed.TotalSeconds;
        var cpuUsed = BenchLoad.ProcessCpu() - cpu;
        Array.Sort(latencies);
        return new
        {
            n,
            submissionsPerSecond = Math.Round(n / seconds),
            seconds = Math.Round(seconds, 2),
            cpuMsPerSubmission = Math.Round(cpuUsed.TotalMilliseconds / n, 3),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p95Ms = BenchLoad.Percentile(latencies, 95),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            failures,
        };
    }

    /// <summary>
    /// The citizen accounts of the seeded demo personas (made through Identity's <see cref="ICitizenAccounts"/>, as for
    /// someone served at a counter): the API refuses an applicant who has no account. Each request still has its own
    /// idempotency key, so each one writes a new application.
    /// </summary>
    private static async Task<Guid[]> ApplicantsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var residents = scope.ServiceProvider.GetRequiredService<IResidentDirectory>();
        var accounts = scope.ServiceProvider.GetRequiredService<ICitizenAccounts>();
        var found = new List<Guid>();
        foreach (var persona in new[] { DemoPersonas.MotherOfNewborn, DemoPersonas.FatherOfNewborn, DemoPersonas.SingleParent, DemoPersonas.YoungJobseeker, DemoPersonas.DisabledAdult, DemoPersonas.BusinessOwner, DemoPersonas.ElderlyAlone })
        {
            if (await residents.FindByResidentNumberAsync(persona.ResidentNumber, ct) is { } resident
                && await accounts.EnsureForResidentAsync(resident.Id, ct) is { } account)
            {
                found.Add(account.Id);
            }
        }

        return found.Count > 0 ? [.. found] : throw new InvalidOperationException("No demo persona in the registry: the bench seeds them (Nara:Seed:OnStart).");
    }

    private static object Body(Guid applicant, string birth) => new
    {
        applicantId = applicant,
        applicationName = "부모급여 신청",
        formData = new
        {
            eFormId = "parental-benefit",
            data = new Dictionary<string, object>
            {
                ["applicantName"] = "김서연", ["applicantAddress"] = "서울특별시 종로구 세종대로 209", ["phone"] = "010-1234-5678",
                ["childName"] = "이하린", ["childBirthDate"] = birth, ["inDaycare"] = false, ["bank"] = "kb", ["account"] = "123456-01-123456",
            },
        },
        documentUrls = Array.Empty<string>(),
    };

    private static async Task<string> RegisterClientAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var id = $"KR/GOV/MOHW/bench{Guid.NewGuid():N}"[..30];
        var registration = await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>()
            .RegisterAsync(new NewAgencyClient(id, "MOHW", "Submission benchmark", ["services:registration"]), ct);
        return registration.Key ?? throw new InvalidOperationException("Could not register the bench client: " + registration.Error);
    }
}
