using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>A decided application becomes a decision-letter credential that only the applicant can collect.</summary>
public sealed class DecisionLetterTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _wallet.Dispose();

    /// <summary>Delivers ApplicationDecided to the Credentials handler the way the outbox dispatcher does (scope, envelope).</summary>
    private async Task<Guid> DecideAsync(Guid applicantAccount, long resident, string decision = CaseDecisions.Approved, Guid? messageId = null, Guid? caseId = null)
    {
        var id = caseId ?? Guid.NewGuid();
        var decided = new ApplicationDecided(Guid.NewGuid(), id, "parental-benefit", "MOHW", applicantAccount, resident, decision, Guid.NewGuid(), null,
            factory.Clock.GetUtcNow());
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<ApplicationDecided>>().Single(h => h.GetType().Name == "RecordDecisionLetter");
        await handler.HandleAsync(new IntegrationEventEnvelope<ApplicationDecided>(messageId ?? Guid.NewGuid(), factory.Clock.GetUtcNow(), decided), CancellationToken.None);
        return id;
    }

    private async Task<(Guid Account, HttpClient Client, long Resident)> ApplicantAsync(DemoPersona persona)
    {
        var account = await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo);
        return (account, await factory.SignedInAsAsync(account), await factory.ResidentIdOfAsync(persona));
    }

    private Task<HttpResponseMessage> CollectAsync(HttpClient client, Guid caseId) =>
        client.PostAsJsonAsync($"/api/credentials/my/decision-letters/{caseId}", new { holderJwk = Es256.PublicJwk(_wallet) });

    [Fact]
    public async Task The_applicant_collects_the_decision_letter_and_a_verifier_sees_only_what_they_disclose()
    {
        var (account, client, resident) = await ApplicantAsync(DemoPersonas.MotherOfNewborn);
        var caseId = await DecideAsync(account, resident);

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/credentials/my/decision-letters");
        var response = await CollectAsync(client, caseId);

        Assert.Contains(listed.EnumerateArray(), l => l.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credential").GetString()!;
        var presentation = SdJwtPresenter.Present(issued, ["decision", "service", "applicant_name"], _wallet, "https://landlord.example", "n", factory.Clock.GetUtcNow());
        var verified = await (await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://landlord.example", nonce = "n" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:kr:go:nara:vct:decision-letter:1", verified.GetProperty("type").GetString());
        var disclosed = verified.GetProperty("disclosed");
        Assert.Equal("approved", disclosed.GetProperty("decision").GetString());
        Assert.Equal(DemoPersonas.MotherOfNewborn.NameKo, disclosed.GetProperty("applicant_name").GetString());
        Assert.False(string.IsNullOrEmpty(disclosed.GetProperty("service").GetString()));
        Assert.False(disclosed.TryGetProperty("case_id", out _)); // not disclosed, not shown
    }

    [Fact]
    public async Task Another_citizen_cannot_collect_someone_elses_letter_and_an_unknown_case_is_not_found()
    {
        var (account, _, resident) = await ApplicantAsync(DemoPersonas.SingleParent);
        var (_, other, _) = await ApplicantAsync(DemoPersonas.DisabledAdult);
        var caseId = await DecideAsync(account, resident, CaseDecisions.Rejected);

        Assert.Equal(HttpStatusCode.NotFound, (await CollectAsync(other, caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CollectAsync(other, Guid.NewGuid())).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/credentials/my/decision-letters")).EnumerateArray(),
            l => l.GetProperty("caseId").GetGuid() == caseId);
    }

    [Fact]
    public async Task A_redelivered_decision_event_records_one_letter()
    {
        var (account, client, resident) = await ApplicantAsync(DemoPersonas.ElderlyAlone);
        var message = Guid.NewGuid();
        var caseId = await DecideAsync(account, resident, messageId: message);
        await DecideAsync(account, resident, messageId: message, caseId: caseId);

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/credentials/my/decision-letters");

        Assert.Single(listed.EnumerateArray(), l => l.GetProperty("caseId").GetGuid() == caseId);
    }

    [Fact]
    public async Task A_decision_letter_is_managed_by_the_deciding_agencys_officers_not_by_mois()
    {
        var (account, client, resident) = await ApplicantAsync(DemoPersonas.FatherOfNewborn);
        var caseId = await DecideAsync(account, resident);
        var id = (await (await CollectAsync(client, caseId)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var mois = await factory.OfficialAsync("MOIS", "credential-officer");
        var mohw = await factory.OfficialAsync("MOHW", "credential-officer");

        Assert.Equal(HttpStatusCode.Forbidden, (await mois.PostAsJsonAsync($"/api/credentials/{id}/status", new { status = "revoked", reason = "not ours" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mohw.PostAsJsonAsync($"/api/credentials/{id}/status", new { status = "revoked", reason = "decision withdrawn on appeal" })).StatusCode);
    }
}
