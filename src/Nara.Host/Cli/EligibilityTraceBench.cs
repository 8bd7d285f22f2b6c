using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nara.Host.Composition;
using Nara.Kernel.Modules;

namespace Nara.Host.Cli;

/// <summary>
/// One-household <c>POST /api/eligibility/calculate</c> and <c>/trace</c> (OpenFisca's calculate with trace, plus Nara's
/// explanations) on the real host over loopback HTTP, one request at a time after a warm-up: the latency a caller sees
/// for one answer, without and with the trace.
/// </summary>
internal static class EligibilityTraceBench
{
    /// <summary>Measures <c>/calculate</c> then <c>/trace</c> on the same host and household; one (line, figures) each.</summary>
    public static async Task<IReadOnlyList<(string Line, object Figures)>> RunAsync(string[] args, IReadOnlyList<IModule> modules, int requests, CancellationToken ct)
    {
        string[] settings = [.. args, "--urls=http://127.0.0.1:0", "--Nara:Seed:OnStart=false", "--Nara:Eligibility:Schedule=false", "--Logging:LogLevel:Default=Warning"];
        await using var app = NaraApp.Build(settings, modules);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var body = Household().ToJsonString();
        var calculate = await MeasureAsync(http, "/api/eligibility/calculate", body, requests, ct);
        var trace = await MeasureAsync(http, "/api/eligibility/trace", body, requests, ct);
        await app.StopAsync(CancellationToken.None);
        return [("eligibility-calculate", calculate), ("eligibility-trace", trace)];
    }

    private static async Task<object> MeasureAsync(HttpClient http, string path, string body, int requests, CancellationToken ct)
    {
        var answer = await PostAsync(http, path, body, ct);

        // Warm-up (JIT tiers, connection), not counted: a few seconds' worth.
        for (var i = 0; i < Math.Max(500, requests / 2); i++)
        {
            await PostAsync(http, path, body, ct);
        }

        var latencies = new double[requests];
        var failures = 0;
        var cpu = BenchLoad.ProcessCpu();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var (status, _) = await PostAsync(http, path, body, ct);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            failures += status == HttpStatusCode.OK ? 0 : 1;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (BenchLoad.ProcessCpu() - cpu).TotalMilliseconds;
        Array.Sort(latencies);
        return new
        {
            endpoint = $"POST {path}",
            requests,
            failures,
            responseBytes = Encoding.UTF8.GetByteCount(answer.Body),

            // The answer's hash: an optimisation of the engine or the writer must leave it unchanged.
            responseSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answer.Body))),
            p50Ms = BenchLoad.Percentile(latencies, 50),
            p90Ms = BenchLoad.Percentile(latencies, 90),
            p99Ms = BenchLoad.Percentile(latencies, 99),
            requestsPerSecond = Math.Round(requests / seconds),
            cpuMsPerRequest = Math.Round(cpuMs / requests, 3),
        };
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string path, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>A household of four (married parents, children of 1 and 5) asking every benefit and amount for one month.</summary>
    private static JsonObject Household()
    {
        const string month = "2025-06";
        JsonObject Person(string birth, bool married, string[] outputs)
        {
            var person = new JsonObject
            {
                ["birth"] = new JsonObject { ["ETERNITY"] = birth },
                ["married"] = new JsonObject { [month] = married },
                ["registered_jobseeker"] = new JsonObject { [month] = false },
                ["disability_severe"] = new JsonObject { [month] = false },
                ["pays_rent"] = new JsonObject { [month] = false },
                ["in_daycare"] = new JsonObject { [month] = false },
                ["pregnant"] = new JsonObject { [month] = false },
                ["birth_order"] = new JsonObject { ["ETERNITY"] = 1 },
            };
            foreach (var output in outputs)
            {
                person[output] = new JsonObject { [month] = null };
            }

            return person;
        }

        string[] personOutputs =
        [
            "parental_benefit_eligible", "parental_benefit", "child_allowance_eligible", "child_allowance", "first_meeting_voucher_eligible",
            "first_meeting_voucher", "home_care_allowance_eligible", "home_care_allowance", "basic_pension_eligible", "basic_pension",
            "youth_rent_support_eligible", "youth_rent_support", "employment_support_eligible", "employment_support", "disability_pension_eligible",
        ];
        return new JsonObject
        {
            ["persons"] = new JsonObject
            {
                ["parent1"] = Person("1990-03-14", true, personOutputs),
                ["parent2"] = Person("1991-07-02", true, personOutputs),
                ["child1"] = Person("2024-05-20", false, personOutputs),
                ["child2"] = Person("2020-01-09", false, personOutputs),
            },
            ["households"] = new JsonObject
            {
                ["home"] = new JsonObject
                {
                    ["adults"] = new JsonArray("parent1", "parent2"),
                    ["children"] = new JsonArray("child1", "child2"),
                    ["recognised_income"] = new JsonObject { [month] = 2_100_000 },
                    ["single_parent"] = new JsonObject { [month] = false },
                    ["receives_medical_benefit"] = new JsonObject { [month] = false },
                    ["receives_education_benefit"] = new JsonObject { [month] = false },
                    ["livelihood_benefit"] = new JsonObject { [month] = null },
                    ["housing_benefit_eligible"] = new JsonObject { [month] = null },
                    ["single_parent_support"] = new JsonObject { [month] = null },
                    ["energy_voucher_eligible"] = new JsonObject { [month] = null },
                },
            },
        };
    }
}
