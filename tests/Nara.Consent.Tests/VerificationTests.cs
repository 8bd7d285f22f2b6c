using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Consent.Tests;

public sealed class VerificationTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Service = "/govstack/consent/service";

    private async Task<(string Agreement, Guid Record, string Individual, HttpClient Citizen)> ConsentAsync(DemoPersona persona, object? agreementBody = null)
    {
        var agreement = await factory.CreateAgreementAsync(body: agreementBody);
        var (citizen, individual) = await factory.CitizenAsync(persona);
        var response = await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentRecord").GetProperty("id").GetString()!;
        return (agreement, Guid.Parse(id), individual, citizen);
    }

    private async Task<ConsentVerdict> VerifyAsync(Guid record, string individual, string agreement, string purpose = "child-benefit", string[]? attributes = null, string recipient = "MOHW")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConsentVerifier>()
            .VerifyAsync(record, individual, Guid.Parse(agreement), purpose, attributes ?? ["name"], recipient, CancellationToken.None);
    }

    [Fact]
    public async Task An_agency_system_verifies_a_consent_record_and_sees_its_chain_is_intact()
    {
        var (agreement, record, individual, _) = await ConsentAsync(DemoPersonas.MotherOfNewborn);
        var (system, _) = await factory.AgencySystemAsync("MOHW", "consent:verify");

        var read = await system.GetFromJsonAsync<JsonElement>($"{Service}/verification/consent-record/{record}/");
        Assert.True(read.GetProperty("verification").GetProperty("chainIntact").GetBoolean());
        Assert.True(read.GetProperty("verification").GetProperty("signatureValid").GetBoolean());
        var list = await system.GetFromJsonAsync<JsonElement>($"{Service}/verification/consent-records/?dataAgreementId={agreement}&individualId={individual}");
        Assert.Single(list.GetProperty("consentRecords").EnumerateArray());

        Assert.Equal(HttpStatusCode.BadRequest, (await system.GetAsync(new Uri($"{Service}/verification/consent-record/x/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await system.GetAsync(new Uri($"{Service}/verification/consent-records/?dataAgreementId={agreement}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.GetAsync(new Uri($"{Service}/verification/consent-record/{Guid.NewGuid()}/", UriKind.Relative))).StatusCode);
        var (other, _) = await factory.AgencySystemAsync("MOHW", "consent:individual");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"{Service}/verification/consent-record/{record}/", UriKind.Relative))).StatusCode);
        Assert.True((await VerifyAsync(record, individual, agreement)).Allowed);
    }

    [Fact]
    public async Task Every_refusal_reason_of_the_verifier_is_given_when_it_applies()
    {
        var (agreement, record, individual, citizen) = await ConsentAsync(DemoPersonas.ElderlyAlone);

        Assert.Equal(ConsentRefusals.PurposeOutOfScope, (await VerifyAsync(record, individual, agreement, purpose: "marketing")).Refusal);
        Assert.Equal(ConsentRefusals.AttributeOutOfScope, (await VerifyAsync(record, individual, agreement, attributes: ["name", "annual-income"])).Refusal);
        Assert.Equal(ConsentRefusals.RecipientMismatch, (await VerifyAsync(record, individual, agreement, recipient: "NTS")).Refusal);
        Assert.Equal(ConsentRefusals.Unknown, (await VerifyAsync(Guid.NewGuid(), individual, agreement)).Refusal);
        Assert.Equal(ConsentRefusals.Unknown, (await VerifyAsync(record, "1", agreement)).Refusal);

        Assert.True((await VerifyAsync(record, individual, agreement)).Allowed);
        await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{record}/", new { optIn = false });
        Assert.Equal(ConsentRefusals.Withdrawn, (await VerifyAsync(record, individual, agreement)).Refusal);

        var (agreement2, record2, individual2, _) = await ConsentAsync(DemoPersonas.DisabledAdult);
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        await admin.DeleteAsync(new Uri($"/govstack/consent/config/data-agreement/{agreement2}/", UriKind.Relative));
        Assert.Equal(ConsentRefusals.AgreementInactive, (await VerifyAsync(record2, individual2, agreement2)).Refusal);

        // Last, because the shared test clock only moves forward: the 30-day validity runs out.
        var (agreement3, record3, individual3, _) = await ConsentAsync(DemoPersonas.ForeignResident);
        Assert.True((await VerifyAsync(record3, individual3, agreement3)).Allowed);
        factory.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(ConsentRefusals.Expired, (await VerifyAsync(record3, individual3, agreement3)).Refusal);
    }

    [Fact]
    public async Task Widening_an_agreement_does_not_widen_consent_already_given()
    {
        var (agreement, record, individual, _) = await ConsentAsync(DemoPersonas.FatherOfNewborn);
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        await admin.PutAsJsonAsync($"/govstack/consent/config/data-agreement/{agreement}/", ConsentFactory.Agreement(recipients: ["MOHW", "NTS"]));

        Assert.Equal(ConsentRefusals.RecipientMismatch, (await VerifyAsync(record, individual, agreement, recipient: "NTS")).Refusal);
    }

    [Fact]
    public async Task A_changed_revision_or_record_row_is_detected_by_the_audit_api_and_refused_by_the_verifier()
    {
        var (agreement, record, individual, citizen) = await ConsentAsync(DemoPersonas.Newborn);
        await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{record}/", new { optIn = false });
        await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{record}/", new { optIn = true });
        var auditor = await factory.OfficialAsync("MOIS", "auditor");
        var intact = await auditor.GetFromJsonAsync<JsonElement>($"/govstack/consent/audit/consent-record/{record}/");
        Assert.True(intact.GetProperty("verification").GetProperty("chainIntact").GetBoolean());
        Assert.Equal(3, intact.GetProperty("revisions").GetArrayLength());

        // Someone with database access rewrites history: the first revision now says "not opted in".
        await factory.InDbAsync(async db =>
        {
            var first = await db.Revisions.FirstAsync(r => r.ObjectId == record && r.Sequence == 1);
            first.SerializedSnapshot = first.SerializedSnapshot.Replace("\"optIn\":true", "\"optIn\":false", StringComparison.Ordinal);
            return await db.SaveChangesAsync();
        });

        var tampered = await auditor.GetFromJsonAsync<JsonElement>($"/govstack/consent/audit/consent-record/{record}/");
        Assert.False(tampered.GetProperty("verification").GetProperty("chainIntact").GetBoolean());
        Assert.Contains("revision 1", tampered.GetProperty("verification").GetProperty("problem").GetString());
        Assert.Equal(ConsentRefusals.Tampered, (await VerifyAsync(record, individual, agreement)).Refusal);
    }

    [Fact]
    public async Task A_record_row_changed_without_a_new_revision_is_detected()
    {
        var (agreement, record, individual, citizen) = await ConsentAsync(DemoPersonas.SingleParent, ConsentFactory.Agreement(purposeCode: "row-tamper"));
        await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{record}/", new { optIn = false });

        // Flip the withdrawn record back to opted in directly in the table.
        await factory.InDbAsync(async db =>
        {
            var row = await db.ConsentRecords.FirstAsync(r => r.Id == record);
            row.OptIn = true;
            return await db.SaveChangesAsync();
        });

        var verdict = await VerifyAsync(record, individual, agreement, purpose: "row-tamper");
        Assert.Equal(ConsentRefusals.Tampered, verdict.Refusal);
        var (system, _) = await factory.AgencySystemAsync("MOHW", "consent:verify");
        var read = await system.GetFromJsonAsync<JsonElement>($"{Service}/verification/consent-record/{record}/");
        Assert.False(read.GetProperty("verification").GetProperty("chainIntact").GetBoolean());
    }

    [Fact]
    public async Task A_record_row_changed_after_a_successful_check_is_refused_at_once_not_after_the_cache_window()
    {
        var (agreement, record, individual, _) = await ConsentAsync(DemoPersonas.MotherOfNewborn, ConsentFactory.Agreement(purposeCode: "row-tamper-after-check"));
        Assert.True((await VerifyAsync(record, individual, agreement, purpose: "row-tamper-after-check")).Allowed);
        Assert.True((await VerifyAsync(record, individual, agreement, purpose: "row-tamper-after-check")).Allowed);

        // The consent was checked a moment ago; now its validity is stretched directly in the table.
        await factory.InDbAsync(async db =>
        {
            var row = await db.ConsentRecords.FirstAsync(r => r.Id == record);
            row.ValidUntil = row.ValidUntil?.AddYears(10);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(ConsentRefusals.Tampered, (await VerifyAsync(record, individual, agreement, purpose: "row-tamper-after-check")).Refusal);
    }

    [Fact]
    public async Task Only_auditors_read_the_audit_api()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri("/govstack/consent/audit/consent-records/", UriKind.Relative))).StatusCode);
        var auditor = await factory.OfficialAsync("MOIS", "auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/govstack/consent/audit/data-agreements/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync(new Uri("/govstack/consent/audit/consent-records/?individualId=x", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync(new Uri("/govstack/consent/audit/data-agreement/1/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_prefill_agreements_and_persona_consents_are_seeded()
    {
        var (system, _) = await factory.AgencySystemAsync("MOHW", "consent:verify");
        var agreements = await system.GetFromJsonAsync<JsonElement>($"{Service}/verification/data-agreements/?limit=100");
        var ids = agreements.GetProperty("dataAgreements").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(DemoDataAgreements.ResidentRegistration.ToString(), ids);
        Assert.Contains(DemoDataAgreements.Income.ToString(), ids);

        await using var scope = factory.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<IConsentVerifier>();
        var mother = await factory.IndividualOfAsync(DemoPersonas.MotherOfNewborn);
        var record = await verifier.FindActiveConsentAsync(mother, DemoDataAgreements.Household, CancellationToken.None);
        Assert.NotNull(record);
        var verdict = await verifier.VerifyAsync(record.Value, mother, DemoDataAgreements.Household, DemoDataAgreements.PrefillPurpose, ["household-members"], "MOHW", CancellationToken.None);
        Assert.True(verdict.Allowed, verdict.Detail);
    }
}
