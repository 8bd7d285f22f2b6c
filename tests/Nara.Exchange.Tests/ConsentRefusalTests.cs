using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Tests;

/// <summary>
/// The consent half of the refusal matrix: the mediator's own checks pass, Consent's verdict refuses, and the refusal
/// carries Consent's reason as a stable type and is logged as a refused attempt with the consent it named.
/// </summary>
public sealed class ConsentRefusalTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    private static readonly DemoPersona Subject = DemoPersonas.MotherOfNewborn;

    public static TheoryData<string> Cases() =>
        ["consent-purpose-out-of-scope", "consent-attribute-out-of-scope", "consent-agreement-inactive", "consent-tampered", "consent-tampered-row"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_consent_refusal_has_a_stable_type_and_is_logged_as_a_refused_attempt(string @case)
    {
        var (service, agreement, purpose) = await factory.ConsentServiceAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [service]);
        var consent = await factory.GiveConsentAsync(Subject, agreement);
        string? attributes = "name";
        var expected = @case;
        switch (@case)
        {
            case "consent-purpose-out-of-scope":
                // The service accepts case-processing, but the citizen consented to the agreement's purpose only.
                purpose = "case-processing";
                break;
            case "consent-attribute-out-of-scope":
                // The service offers address; the agreement the citizen consented to does not.
                attributes = "name,address";
                break;
            case "consent-agreement-inactive":
                var deleted = await (await factory.AdminAsync()).DeleteAsync(new Uri($"/govstack/consent/config/data-agreement/{agreement}/", UriKind.Relative));
                Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
                break;
            case "consent-tampered":
                // Someone with database access swaps a byte of the platform's signature over the record.
                await ChangeConsentRowsAsync(consent, (db, record) =>
                {
                    var signature = db.Find(db.Model.FindEntityType("Nara.Consent.Domain.Signature")!.ClrType, db.Entry(record).Property("SignatureId").CurrentValue)!;
                    var jws = db.Entry(signature).Property("Jws");
                    var value = (string)jws.CurrentValue!;
                    jws.CurrentValue = value[..^10] + (value[^10] == 'A' ? 'B' : 'A') + value[^9..];
                });
                expected = "consent-tampered";
                break;
            default:
                // A consent already used once has its validity stretched directly in the table.
                using (var first = ExchangeFactory.Request(service, client, purpose: purpose, subject: Subject, consent: consent, attributes: attributes))
                {
                    Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(first)).StatusCode);
                }

                await ChangeConsentRowsAsync(consent, (db, record) =>
                {
                    var until = db.Entry(record).Property("ValidUntil");
                    until.CurrentValue = ((DateTimeOffset)until.CurrentValue!).AddYears(10);
                });
                expected = "consent-tampered";
                break;
        }

        using var request = ExchangeFactory.Request(service, client, purpose: purpose, subject: Subject, consent: consent, attributes: attributes);
        var response = await http.SendAsync(request);

        var logged = await factory.AssertRefusedAndLoggedAsync(response, HttpStatusCode.Forbidden, expected);
        Assert.DoesNotContain(Subject.NameKo, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((client, service, purpose, consent), (logged.Client, logged.Service, logged.Purpose, logged.ConsentRecordId));
        Assert.Equal(await factory.ResidentIdAsync(Subject), logged.SubjectResidentId);
    }

    [Fact]
    public async Task The_same_consent_is_released_when_nothing_is_wrong_with_it()
    {
        // The control for the matrix above: the same setup, untouched, is allowed.
        var (service, agreement, purpose) = await factory.ConsentServiceAsync();
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", [service]);
        var consent = await factory.GiveConsentAsync(Subject, agreement);
        using var request = ExchangeFactory.Request(service, client, purpose: purpose, subject: Subject, consent: consent, attributes: "name,birth-date");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("X-Nara-Exchange-Id").Single());
        var record = await factory.InDbAsync(db => db.Records.SingleAsync(r => r.Id == id));
        Assert.Equal(("success", null, consent), (record.Outcome, record.Refusal, record.ConsentRecordId));
    }

    /// <summary>Changes Consent's stored rows behind its back, as someone with database access could (Consent's types are internal to it).</summary>
    private async Task ChangeConsentRowsAsync(Guid consent, Action<DbContext, object> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var type = Type.GetType("Nara.Consent.Data.ConsentDbContext, Nara.Consent", throwOnError: true)!;
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
        var record = await db.FindAsync(db.Model.FindEntityType("Nara.Consent.Domain.ConsentRecord")!.ClrType, consent)
            ?? throw new InvalidOperationException($"No consent record {consent}.");
        change(db, record);
        Assert.Equal(1, await db.SaveChangesAsync());
    }
}
