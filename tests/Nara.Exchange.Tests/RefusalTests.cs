using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Tests;

/// <summary>The authorisation matrix: every refusal has its status and stable type, changes nothing, and is still logged.</summary>
public sealed class RefusalTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    private const string Registration = ExchangeFactory.ResidentRegistration;

    public static TheoryData<string> Cases() =>
    [
        "missing-client", "forged-client", "no-scope", "unknown-service", "no-access-right", "missing-purpose", "purpose-not-allowed",
        "attribute-not-offered", "unknown-subject", "bad-subject", "consent-required", "consent-unknown", "bad-consent-id", "consent-recipient-mismatch",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_refusal_has_a_stable_type_and_is_logged_as_a_refused_attempt(string @case)
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [Registration]);
        var consent = await factory.ConsentAsync(DemoPersonas.MotherOfNewborn, DemoDataAgreements.ResidentRegistration);
        var mother = DemoPersonas.MotherOfNewborn;
        HttpRequestMessage request;
        var caller = http;
        (HttpStatusCode Status, string Type) expected;
        switch (@case)
        {
            case "missing-client":
                request = ExchangeFactory.Request(Registration, null, subject: mother, consent: consent);
                expected = (HttpStatusCode.BadRequest, "missing-client");
                break;
            case "forged-client":
                request = ExchangeFactory.Request(Registration, "KR/GOV/MOIS/registries", subject: mother, consent: consent);
                expected = (HttpStatusCode.Forbidden, "forged-client");
                break;
            case "no-scope":
                (caller, client) = await factory.SystemAsync("KR/GOV/NHIS", [Registration], "registries:residents:read");
                request = ExchangeFactory.Request(Registration, client, subject: mother, consent: consent);
                expected = (HttpStatusCode.Forbidden, "access-denied");
                break;
            case "unknown-service":
                request = ExchangeFactory.Request("KR/GOV/MOIS/registries/no-such-service", client, subject: mother, consent: consent);
                expected = (HttpStatusCode.NotFound, "unknown-service");
                break;
            case "no-access-right":
                request = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "case-processing", subject: mother);
                expected = (HttpStatusCode.Forbidden, "access-denied");
                break;
            case "missing-purpose":
                request = ExchangeFactory.Request(Registration, client, purpose: null, subject: mother, consent: consent);
                expected = (HttpStatusCode.BadRequest, "missing-purpose");
                break;
            case "purpose-not-allowed":
                request = ExchangeFactory.Request(Registration, client, purpose: "marketing", subject: mother, consent: consent);
                expected = (HttpStatusCode.Forbidden, "purpose-not-allowed");
                break;
            case "attribute-not-offered":
                request = ExchangeFactory.Request(Registration, client, subject: mother, consent: consent, attributes: "name,annual-income");
                expected = (HttpStatusCode.BadRequest, "attribute-not-offered");
                break;
            case "unknown-subject":
                request = ExchangeFactory.Request(Registration, client, subject: new DemoPersona("nobody", "010101-3999999", "없음", "Nobody"), consent: consent);
                expected = (HttpStatusCode.NotFound, "unknown-subject");
                break;
            case "bad-subject":
                request = ExchangeFactory.Request(Registration, client, subject: new DemoPersona("bad", "12345", "x", "x"), consent: consent);
                expected = (HttpStatusCode.BadRequest, "bad-request");
                break;
            case "consent-required":
                request = ExchangeFactory.Request(Registration, client, subject: mother);
                expected = (HttpStatusCode.Forbidden, "consent-required");
                break;
            case "consent-unknown":
                request = ExchangeFactory.Request(Registration, client, subject: mother, consent: Guid.NewGuid());
                expected = (HttpStatusCode.Forbidden, "consent-unknown");
                break;
            case "bad-consent-id":
                request = ExchangeFactory.Request(Registration, client, subject: mother);
                request.Headers.TryAddWithoutValidation("X-Nara-Consent-Id", "not-a-uuid");
                expected = (HttpStatusCode.BadRequest, "bad-request");
                break;
            default:
                // A private organisation with an access right, but not a recipient the citizen consented to.
                var admin = await factory.AdminAsync();
                var member = await admin.PutAsJsonAsync("/api/exchange/members/COM/ACME", new { nameKo = "에이크미", nameEn = "ACME Ltd" });
                Assert.True(member.IsSuccessStatusCode, await member.Content.ReadAsStringAsync());
                (caller, client) = await factory.SystemAsync("KR/COM/ACME", [Registration]);
                request = ExchangeFactory.Request(Registration, client, subject: mother, consent: consent);
                expected = (HttpStatusCode.Forbidden, "consent-recipient-mismatch");
                break;
        }

        var before = await factory.InDbAsync(db => db.Records.CountAsync());
        var response = await caller.SendAsync(request);
        request.Dispose();

        await factory.AssertRefusedAndLoggedAsync(response, expected.Status, expected.Type);
        Assert.DoesNotContain(mother.NameKo, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.InDbAsync(db => db.Records.CountAsync()));
    }

    [Fact]
    public async Task A_request_without_credentials_is_turned_away_before_the_mediator()
    {
        using var request = ExchangeFactory.Request(Registration, "KR/GOV/NHIS/benefits", subject: DemoPersonas.MotherOfNewborn);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_switched_off_service_answers_503_until_it_is_switched_on_again()
    {
        var admin = await factory.AdminAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/MOIS", []);
        var service = await NewHttpServiceAsync(admin, client, "http://127.0.0.1:9/", 500, enabled: false);
        using var request = ExchangeFactory.Request(service, client, purpose: "case-processing");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("service-disabled", response.Headers.GetValues("X-Road-Error").Single());
        var record = await factory.AssertRefusedAndLoggedAsync(response, HttpStatusCode.ServiceUnavailable, "service-disabled");
        Assert.Equal((client, service, "case-processing"), (record.Client, record.Service, record.Purpose));
    }

    [Fact]
    public async Task A_provider_that_never_answers_fails_within_two_seconds_and_the_failure_is_logged()
    {
        using var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start(); // accepts connections, never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var admin = await factory.AdminAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/MOIS", []);
        var service = await NewHttpServiceAsync(admin, client, $"http://127.0.0.1:{port}/api", 2000);

        var watch = Stopwatch.StartNew();
        using var request = ExchangeFactory.Request(service, client, purpose: "case-processing", path: "/vehicles/12가3456");
        var response = await http.SendAsync(request);
        watch.Stop();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("provider-timeout", response.Headers.GetValues("X-Road-Error").Single());
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(5));
        var id = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        var record = await factory.InDbAsync(db => db.Records.SingleAsync(r => r.Id == id));
        Assert.Equal(("failed", "provider-timeout"), (record.Outcome, record.Refusal));
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_502_with_a_stable_type()
    {
        using var closed = new TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        var admin = await factory.AdminAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/MOIS", []);
        var service = await NewHttpServiceAsync(admin, client, $"http://127.0.0.1:{port}/", 1000);
        using var request = ExchangeFactory.Request(service, client, purpose: "case-processing");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("provider-error", response.Headers.GetValues("X-Road-Error").Single());
        var record = await factory.AssertRefusedAndLoggedAsync(response, HttpStatusCode.BadGateway, "provider-error", outcome: "failed");
        Assert.Equal((client, service), (record.Client, record.Service));
    }

    /// <summary>An HTTP-provider service under KR/GOV/MOIS/registries-oauth with an access right for <paramref name="client"/>.</summary>
    internal static async Task<string> NewHttpServiceAsync(HttpClient admin, string client, string url, int timeoutMs, bool enabled = true)
    {
        var code = $"s{Guid.NewGuid():N}"[..10];
        var saved = await admin.PutAsJsonAsync($"/api/exchange/services/GOV/MOIS/registries-oauth/{code}", new
        {
            nameKo = "시험 API", nameEn = "Test API", provider = "http", providerUrl = url, timeoutMs,
            attributes = new[] { "vehicle" }, purposes = new[] { "case-processing" }, enabled,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var service = $"KR/GOV/MOIS/registries-oauth/{code}";
        var granted = await admin.PostAsJsonAsync($"/api/exchange/services/GOV/MOIS/registries-oauth/{code}/access-rights", new { client });
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        return service;
    }
}
