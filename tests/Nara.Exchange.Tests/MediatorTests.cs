using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Tests;

public sealed class MediatorTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    [Fact]
    public async Task An_agency_with_the_citizens_consent_receives_only_the_attributes_asked_for_signed_and_bound_to_its_request()
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentRegistration]);
        var consent = await factory.ConsentAsync(DemoPersonas.MotherOfNewborn, DemoDataAgreements.ResidentRegistration);

        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentRegistration, client, subject: DemoPersonas.MotherOfNewborn,
            consent: consent, attributes: "name,birth-date", userId: "KR/nhis-officer-17", issue: "NHIS-2026-0042");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        Assert.Equal(DemoPersonas.MotherOfNewborn.NameKo, data.GetProperty("name").GetString());
        Assert.Equal("1993-05-14", data.GetProperty("birth-date").GetString());
        Assert.False(data.TryGetProperty("address", out _), "an attribute not asked for must not be released");

        var requestHash = response.Headers.GetValues("X-Road-Request-Hash").Single();
        Assert.Equal(request.Headers.GetValues("X-Road-Id").Single(), response.Headers.GetValues("X-Road-Id").Single());
        var payload = await factory.VerifySignatureAsync(response.Headers.GetValues("X-Nara-Signature").Single());
        Assert.Equal(requestHash, payload.GetProperty("requestHash").GetString());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(body)), payload.GetProperty("responseHash").GetString());
        Assert.Equal(client, payload.GetProperty("client").GetString());
        Assert.Equal(ExchangeFactory.ResidentRegistration, payload.GetProperty("service").GetString());

        var exchangeId = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        var record = await factory.InDbAsync(db => db.Records.SingleAsync(r => r.Id == exchangeId));
        Assert.Equal(("success", "NHIS", "KR/nhis-officer-17", "NHIS-2026-0042", consent), (record.Outcome, record.ClientAgency, record.UserId, record.Issue, record.ConsentRecordId));
        Assert.Equal("name birth-date", record.Attributes);
        Assert.Equal(await factory.ResidentIdAsync(DemoPersonas.MotherOfNewborn), record.SubjectResidentId);
    }

    [Fact]
    public async Task An_agency_api_behind_the_http_provider_answers_through_the_mediator_with_its_body_signed_unchanged()
    {
        await using var api = await AgencyApi.StartAsync();
        api.Body = """{"vehicle":{"plate":"12가3456","owner":"KR/GOV/MOLIT","inspected":"2026-03-01"},"note":"<unchanged & raw>"}""";
        var admin = await factory.AdminAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/MOIS", []);
        var service = await RefusalTests.NewHttpServiceAsync(admin, client, api.Url, 2000);

        using var request = ExchangeFactory.Request(service, client, purpose: "case-processing", userId: "KR/molit-officer-2", issue: "MOLIT-7", path: "/vehicles/12가3456?detail=full");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetBytes(api.Body), body);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);

        var requestHash = response.Headers.GetValues("X-Road-Request-Hash").Single();
        var payload = await factory.VerifySignatureAsync(response.Headers.GetValues("X-Nara-Signature").Single());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(body)), payload.GetProperty("responseHash").GetString());
        Assert.Equal((requestHash, client, service, 200), (payload.GetProperty("requestHash").GetString(), payload.GetProperty("client").GetString(),
            payload.GetProperty("service").GetString(), payload.GetProperty("status").GetInt32()));

        // The agency saw the X-Road headers and the path after the service id, never the caller's credentials.
        var (method, path, headers) = Assert.Single(api.Received);
        Assert.Equal("GET", method);
        Assert.Equal("/api/vehicles/" + Uri.EscapeDataString("12가3456") + "?detail=full", path);
        Assert.Equal((client, "case-processing", requestHash, "KR/molit-officer-2", "MOLIT-7"),
            (headers["X-Road-Client"], headers["X-Nara-Purpose"], headers["X-Road-Request-Hash"], headers["X-Road-UserId"], headers["X-Road-Issue"]));
        Assert.False(headers.ContainsKey("X-Api-Key"));
        Assert.False(headers.ContainsKey("Authorization"));

        var id = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        var record = await factory.InDbAsync(db => db.Records.SingleAsync(r => r.Id == id));
        Assert.Equal(("success", 200, service), (record.Outcome, record.Status, record.Service));
    }

    [Fact]
    public async Task A_changed_response_body_no_longer_matches_the_signed_hash()
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentStatus]);
        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "benefit-eligibility-check", subject: DemoPersonas.ElderlyAlone);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var payload = await factory.VerifySignatureAsync(response.Headers.GetValues("X-Nara-Signature").Single());

        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(DemoPersonas.ElderlyAlone.NameKo, "홍길동", StringComparison.Ordinal));
        Assert.NotEqual(payload.GetProperty("responseHash").GetString(), Convert.ToBase64String(SHA256.HashData(forged)));
        var signature = response.Headers.GetValues("X-Nara-Signature").Single();
        var tampered = signature[..^4] + (signature[^4] == 'A' ? "B" : "A") + signature[^3..];
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.VerifySignatureAsync(tampered));
    }

    [Fact]
    public async Task A_law_based_service_needs_no_consent_but_only_accepts_its_listed_purposes()
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentStatus]);
        using var ok = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "case-processing", subject: DemoPersonas.SingleParent);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(ok)).StatusCode);

        using var other = ExchangeFactory.Request(ExchangeFactory.ResidentStatus, client, purpose: "marketing", subject: DemoPersonas.SingleParent);
        var refused = await http.SendAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("purpose-not-allowed", refused.Headers.GetValues("X-Road-Error").Single());
    }

    [Fact]
    public async Task Withdrawing_consent_refuses_the_very_next_request()
    {
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentRegistration]);
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var given = await citizen.PostAsync(new Uri($"/govstack/consent/service/individual/record/data-agreement/{DemoDataAgreements.ResidentRegistration}/", UriKind.Relative), null);
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        var consent = Guid.Parse(JsonDocument.Parse(await given.Content.ReadAsStringAsync()).RootElement.GetProperty("consentRecord").GetProperty("id").GetString()!);

        using var first = ExchangeFactory.Request(ExchangeFactory.ResidentRegistration, client, subject: DemoPersonas.FatherOfNewborn, consent: consent);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(first)).StatusCode);

        var withdrawn = await citizen.PutAsJsonAsync($"/govstack/consent/service/individual/record/consent-record/{consent}/", new { optIn = false });
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        using var second = ExchangeFactory.Request(ExchangeFactory.ResidentRegistration, client, subject: DemoPersonas.FatherOfNewborn, consent: consent);
        var refused = await http.SendAsync(second);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("consent-withdrawn", refused.Headers.GetValues("X-Road-Error").Single());
        var record = await factory.AssertRefusedAndLoggedAsync(refused, HttpStatusCode.Forbidden, "consent-withdrawn");
        Assert.Equal((consent, (long?)await factory.ResidentIdAsync(DemoPersonas.FatherOfNewborn)), (record.ConsentRecordId, record.SubjectResidentId));
        Assert.Equal(individual, (await factory.ResidentIdAsync(DemoPersonas.FatherOfNewborn)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
