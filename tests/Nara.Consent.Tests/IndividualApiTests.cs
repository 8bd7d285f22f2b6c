using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Consent.Tests;

public sealed class IndividualApiTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Service = "/govstack/consent/service";

    [Fact]
    public async Task A_citizen_gives_reads_and_withdraws_consent_and_each_change_is_a_signed_revision()
    {
        var agreement = await factory.CreateAgreementAsync();
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.YoungJobseeker);

        var given = await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var record = await given.Content.ReadFromJsonAsync<JsonElement>();
        var id = record.GetProperty("consentRecord").GetProperty("id").GetString();
        Assert.True(record.GetProperty("consentRecord").GetProperty("optIn").GetBoolean());
        Assert.Equal("signed", record.GetProperty("consentRecord").GetProperty("state").GetString());
        Assert.Equal(individual, record.GetProperty("consentRecord").GetProperty("individual").GetString());
        var firstHash = record.GetProperty("revision").GetProperty("serializedHash").GetString();

        var again = await citizen.GetFromJsonAsync<JsonElement>($"{Service}/individual/record/data-agreement/{agreement}/");
        Assert.Equal(id, again.GetProperty("consentRecord").GetProperty("id").GetString());
        var mine = await citizen.GetFromJsonAsync<JsonElement>($"{Service}/individual/record/consent-record/");
        Assert.Contains(mine.GetProperty("consentRecords").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null)).StatusCode);

        var withdrawn = await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{id}/", new { optIn = false });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("consentRecord").GetProperty("optIn").GetBoolean());
        Assert.Equal(firstHash, after.GetProperty("revision").GetProperty("predecessorHash").GetString());

        // The signature is an ES256 JWS that the published key verifies, over the new head revision.
        var jws = after.GetProperty("signature").GetProperty("verificationPayload").GetString()!;
        var keys = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/consent/signing-key");
        var jwk = new JsonWebKey(keys.GetProperty("keys")[0].GetRawText());
        var check = await new JsonWebTokenHandler().ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKey = jwk, ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false, RequireExpirationTime = false,
        });
        Assert.True(check.IsValid, check.Exception?.Message);
        Assert.Equal(after.GetProperty("revision").GetProperty("serializedHash").GetString(), check.Claims["revisionHash"]);

        var history = await citizen.GetFromJsonAsync<JsonElement>($"{Service}/individual/record/data-agreement/{agreement}/all/");
        Assert.Equal(2, history.GetProperty("revisions").GetArrayLength());
        await factory.DrainOutboxAsync();
    }

    [Fact]
    public async Task A_citizen_cannot_act_for_someone_else_or_with_a_malformed_individual_id()
    {
        var agreement = await factory.CreateAgreementAsync();
        var (citizen, _) = await factory.CitizenAsync(DemoPersonas.BusinessOwner);
        var other = await factory.IndividualOfAsync(DemoPersonas.DisabledAdult);

        using var forOther = new HttpRequestMessage(HttpMethod.Post, $"{Service}/individual/record/data-agreement/{agreement}/");
        forOther.Headers.Add("X-ConsentBB-IndividualId", other);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.SendAsync(forOther)).StatusCode);

        using var malformed = new HttpRequestMessage(HttpMethod.Get, $"{Service}/individual/record/consent-record/");
        malformed.Headers.Add("X-ConsentBB-IndividualId", "abc");
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.SendAsync(malformed)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/nope/", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{Guid.NewGuid()}/", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PutAsJsonAsync($"{Service}/individual/record/consent-record/{Guid.NewGuid()}/", new { })).StatusCode);
        Assert.Equal(0, await factory.InDbAsync(db => db.ConsentRecords.CountAsync(r => r.DataAgreementId == Guid.Parse(agreement))));
    }

    [Fact]
    public async Task An_agency_client_acts_for_an_individual_named_in_the_header()
    {
        var agreement = await factory.CreateAgreementAsync();
        var (system, clientId) = await factory.AgencySystemAsync("MOHW", "consent:individual");
        var individual = await factory.IndividualOfAsync(DemoPersonas.ForeignResident);

        var missing = await system.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Service}/individual/record/consent-record/")
        {
            Content = JsonContent.Create(new { consentRecord = new { dataAgreement = agreement, optIn = true } }),
        };
        request.Headers.Add("X-ConsentBB-IndividualId", individual);
        var response = await system.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"agency-client:{clientId} for individual:{individual}", body.GetProperty("signature").GetProperty("verificationSignedAs").GetString());
        Assert.Equal($"agency-client:{clientId}", body.GetProperty("revision").GetProperty("authorizedByOther").GetString());

        using var unknown = new HttpRequestMessage(HttpMethod.Get, $"{Service}/individual/record/consent-record/");
        unknown.Headers.Add("X-ConsentBB-IndividualId", "999999999");
        Assert.Equal(HttpStatusCode.NotFound, (await system.SendAsync(unknown)).StatusCode);

        var (verifier, _) = await factory.AgencySystemAsync("MOHW", "consent:verify");
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync(new Uri($"{Service}/individual/record/consent-record/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_draft_shows_the_record_to_be_signed_and_stores_nothing()
    {
        var agreement = await factory.CreateAgreementAsync();
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.SingleParentChild1);

        var draft = await citizen.PostAsync(new Uri($"{Service}/individual/record/consent-record/draft/?dataAgreementId={agreement}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var body = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("consentRecord").GetProperty("id").ValueKind);
        Assert.Equal("unsigned", body.GetProperty("consentRecord").GetProperty("state").GetString());
        Assert.Equal(individual, body.GetProperty("consentRecord").GetProperty("individual").GetString());
        Assert.Equal(0, await factory.InDbAsync(db => db.ConsentRecords.CountAsync(r => r.DataAgreementId == Guid.Parse(agreement))));
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsync(new Uri($"{Service}/individual/record/consent-record/draft/", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Forgetting_erases_records_under_forgettable_agreements_and_keeps_the_others()
    {
        var admin = await factory.OfficialAsync("MOHW", "administrator");
        var forgettable = await factory.CreateAgreementAsync(admin, ConsentFactory.Agreement(forgettable: true));
        var kept = await factory.CreateAgreementAsync(admin, ConsentFactory.Agreement(forgettable: false));
        var (citizen, individual) = await factory.CitizenAsync(DemoPersonas.SingleParentChild2);
        foreach (var a in new[] { forgettable, kept })
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{a}/", UriKind.Relative), null)).StatusCode);
        }

        var response = await citizen.DeleteAsync(new Uri($"{Service}/individual/record/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("forgotten").GetInt32());
        var left = await factory.InDbAsync(db => db.ConsentRecords.Where(r => r.IndividualId == individual).Select(r => r.DataAgreementId).ToListAsync());
        Assert.Contains(Guid.Parse(kept), left);
        Assert.DoesNotContain(Guid.Parse(forgettable), left);
        Assert.Contains("ConsentRecordsForgotten", string.Join(' ', await factory.InDbAsync(db => db.OutboxMessages.Select(m => m.Type).ToListAsync())));
    }
}
