using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Exchange.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Tests;

/// <summary>
/// The registries e-certificates state, as services of the agencies that own them: the platform's issuer reads them for
/// the citizen's own request without a consent record, only for certificate issuance, and every read is logged
/// against the citizen; nobody else holds an access right.
/// </summary>
public sealed class CertificateServicesTests(ExchangeFactory factory) : IClassFixture<ExchangeFactory>
{
    private async Task<ExchangeResult> AskAsync(string service, DemoPersona persona, string purpose = RegistryExchangeServices.CertificatePurpose,
        string client = RegistryExchangeServices.CredentialsClient)
    {
        var resident = await factory.ResidentIdAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IExchangeClient>().RequestAsync(
            new ExchangeCall(client, service, resident, [], purpose, "certificate:test", "citizen-account", null), CancellationToken.None);
    }

    [Fact]
    public async Task The_issuer_reads_each_registry_without_a_consent_record_and_the_read_is_logged_against_the_citizen()
    {
        var disability = await AskAsync(RegistryExchangeServices.Disability, DemoPersonas.DisabledAdult);
        var business = await AskAsync(RegistryExchangeServices.BusinessRegistration, DemoPersonas.BusinessOwner);
        var family = await AskAsync(RegistryExchangeServices.FamilyRelations, DemoPersonas.Newborn);
        var graduation = await AskAsync(RegistryExchangeServices.SchoolGraduation, DemoPersonas.MotherOfNewborn);

        Assert.True(disability.Allowed, disability.Detail);
        Assert.Equal("severe", disability.Data["disability"]);
        Assert.Equal("2003-06-09", disability.Data["disability.registered-on"]);
        Assert.Equal("강동현", disability.Data["name"]);
        Assert.Equal("해운대 윤씨네 식당", business.Data["businesses.0.name"]);
        Assert.Equal("1", business.Data["businesses.count"]);
        Assert.Equal("2", family.Data["family.count"]);
        Assert.Equal("parent", family.Data["family.0.relation"]);
        Assert.Equal("2", graduation.Data["graduations.count"]);
        Assert.Equal("university", graduation.Data["graduations.1.level"]);

        var resident = await factory.ResidentIdAsync(DemoPersonas.DisabledAdult);
        var row = await factory.InDbAsync(db => db.Records.AsNoTracking().SingleAsync(r => r.Id == disability.ExchangeId));
        Assert.Equal((resident, ExchangeOutcomes.Success, RegistryExchangeServices.CredentialsClient), (row.SubjectResidentId, row.Outcome, row.Client));
        Assert.Equal((RegistryExchangeServices.CertificatePurpose, "citizen-account", (Guid?)null), (row.Purpose, row.UserId, row.ConsentRecordId));
        Assert.Equal("name birth-date disability", row.Attributes);
    }

    [Fact]
    public async Task A_resident_without_the_record_is_answered_with_nothing_for_it_not_refused()
    {
        var none = await AskAsync(RegistryExchangeServices.Disability, DemoPersonas.ElderlyAlone);
        var noBusiness = await AskAsync(RegistryExchangeServices.BusinessRegistration, DemoPersonas.ElderlyAlone);

        Assert.True(none.Allowed);
        Assert.False(none.Data.ContainsKey("disability"));
        Assert.Equal("0", noBusiness.Data["businesses.count"]);
    }

    [Fact]
    public async Task Another_purpose_or_another_client_is_refused_and_logged()
    {
        var otherPurpose = await AskAsync(RegistryExchangeServices.Income, DemoPersonas.ElderlyAlone, purpose: "benefit-eligibility-check");
        var portal = await AskAsync(RegistryExchangeServices.Income, DemoPersonas.ElderlyAlone, client: RegistryExchangeServices.PortalClient);
        var (http, client) = await factory.SystemAsync("KR/GOV/NHIS", []);
        using var request = ExchangeFactory.Request(RegistryExchangeServices.HealthInsurance, client, purpose: RegistryExchangeServices.CertificatePurpose, subject: DemoPersonas.ElderlyAlone);
        var agency = await http.SendAsync(request);

        Assert.Equal(ExchangeRefusals.PurposeNotAllowed, otherPurpose.Refusal);
        Assert.Equal(ExchangeRefusals.AccessDenied, portal.Refusal);
        Assert.Equal(HttpStatusCode.Forbidden, agency.StatusCode);
        Assert.Empty(otherPurpose.Data);
        var logged = await factory.InDbAsync(db => db.Records.AsNoTracking().CountAsync(r => r.Id == otherPurpose.ExchangeId || r.Id == portal.ExchangeId));
        Assert.Equal(2, logged);
    }
}
