using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Tests;

/// <summary>The mediator's other way in: an OAuth access token from Identity's token endpoint (client credentials) instead of an API key.</summary>
public sealed class OAuthClientTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    [Fact]
    public async Task An_agency_system_with_a_client_credentials_token_for_the_exchange_scope_receives_the_data()
    {
        var (http, client) = await factory.OAuthSystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentRegistration], "exchange");
        var consent = await factory.ConsentAsync(DemoPersonas.MotherOfNewborn, DemoDataAgreements.ResidentRegistration);

        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentRegistration, client, subject: DemoPersonas.MotherOfNewborn, consent: consent, attributes: "name");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Nara-Signature"));
        var data = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.GetProperty("data");
        Assert.Equal(DemoPersonas.MotherOfNewborn.NameKo, data.GetProperty("name").GetString());
        var id = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        var record = await factory.InDbAsync(db => db.Records.SingleAsync(r => r.Id == id));
        Assert.Equal(("success", client, "NHIS"), (record.Outcome, record.Client, record.ClientAgency));
    }

    [Fact]
    public async Task A_token_without_the_exchange_scope_is_refused_and_the_attempt_is_logged()
    {
        var (http, client) = await factory.OAuthSystemAsync("KR/GOV/NHIS", [ExchangeFactory.ResidentRegistration], "registries.read");
        var consent = await factory.ConsentAsync(DemoPersonas.MotherOfNewborn, DemoDataAgreements.ResidentRegistration);

        using var request = ExchangeFactory.Request(ExchangeFactory.ResidentRegistration, client, subject: DemoPersonas.MotherOfNewborn, consent: consent, attributes: "name");
        var response = await http.SendAsync(request);

        var record = await factory.AssertRefusedAndLoggedAsync(response, HttpStatusCode.Forbidden, "access-denied");
        Assert.Equal(client, record.Client);
        Assert.DoesNotContain(DemoPersonas.MotherOfNewborn.NameKo, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
