using System.Net;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Tests;

/// <summary>
/// The expiry case of the refusal matrix, in a host of its own: it moves the test clock forward, which would
/// also age every consent and session the other tests of a shared host rely on.
/// </summary>
public sealed class ConsentExpiryTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    [Fact]
    public async Task A_consent_past_its_validity_is_refused_as_expired_and_logged_as_a_refused_attempt()
    {
        var subject = DemoPersonas.SingleParent;
        var (service, agreement, purpose) = await factory.ConsentServiceAsync(validityDays: 1);
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [service]);
        var consent = await factory.GiveConsentAsync(subject, agreement);
        using (var first = ExchangeFactory.Request(service, client, purpose: purpose, subject: subject, consent: consent, attributes: "name"))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(first)).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using var request = ExchangeFactory.Request(service, client, purpose: purpose, subject: subject, consent: consent, attributes: "name");
        var response = await http.SendAsync(request);

        var logged = await factory.AssertRefusedAndLoggedAsync(response, HttpStatusCode.Forbidden, "consent-expired");
        Assert.Equal((client, consent, (long?)await factory.ResidentIdAsync(subject)), (logged.Client, logged.ConsentRecordId, logged.SubjectResidentId));
    }
}
